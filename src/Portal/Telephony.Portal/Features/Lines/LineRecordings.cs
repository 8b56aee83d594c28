using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Announcements;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.Portal.Infrastructure.Storage;

namespace Telephony.Portal.Features.Lines;

/// <summary>An announcement's audio, for the browser's player or a download.</summary>
public sealed record RecordingAudio(Stream Content, string ContentType, string FileName);

/// <summary>
/// S-ANN for user lines (L-GREETING, L-HOLDANN, L-CWANN; manager only): an MP3 or WAV of at
/// most 3 MB and 2 minutes replaces the line's previous recording for that use and becomes
/// the audio played; removing it goes back to the predefined announcement. The user of the
/// line may listen to it.
/// </summary>
public sealed class LineRecordings(PortalDbContext db, AnnouncementFiles files, Actor actor, TimeProvider time)
{
    private static readonly Error ManagerOnly = Error.Forbidden("line.manager-only", "Only a manager can change the announcements.", "File");

    public async Task<Result<LineServices>> UploadAsync(Guid lineId, AnnouncementUse use, Stream upload, long? declaredLength, CancellationToken cancellationToken)
    {
        var line = await FindAsync(lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        if (actor.IsUser)
        {
            return ManagerOnly;
        }

        var read = await AudioFile.ReadUploadAsync(upload, declaredLength, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error!;
        }

        var content = read.Value!;
        var audio = AudioFile.Inspect(content);
        if (!audio.Succeeded)
        {
            return audio.Error!;
        }

        var info = audio.Value!;
        if (line.ChangeRecording(use, new Recording(info.ContentType, info.Extension, content.Length, info.Duration, time.GetUtcNow().UtcDateTime)) is { } error)
        {
            return error;
        }

        await files.SaveAsync(line.TenantId, line.Id, use, info.Extension, content, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return line.Services;
    }

    public async Task<Result<LineServices>> RemoveAsync(Guid lineId, AnnouncementUse use, CancellationToken cancellationToken)
    {
        var line = await FindAsync(lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        if (actor.IsUser)
        {
            return ManagerOnly;
        }

        if (line.Services.Announcements.RecordingFor(use) is null)
        {
            return LineErrors.NoRecording;
        }

        if (line.ChangeRecording(use, null) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(cancellationToken);
        files.Delete(line.TenantId, line.Id, use);
        return line.Services;
    }

    public async Task<Result<RecordingAudio>> AudioAsync(Guid lineId, AnnouncementUse use, CancellationToken cancellationToken)
    {
        var line = await FindAsync(lineId, cancellationToken);
        var recording = line?.Services.Announcements.RecordingFor(use);
        var content = recording is null ? null : files.Open(line!.TenantId, line.Id, use, recording.Extension);
        return content is null
            ? LineErrors.NoRecording
            : new RecordingAudio(content, recording!.ContentType, $"{use.ToString().ToLowerInvariant()}{recording.Extension}");
    }

    private async Task<Line?> FindAsync(Guid lineId, CancellationToken cancellationToken) =>
        actor.MaySee(lineId) ? await db.Lines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken) : null;
}
