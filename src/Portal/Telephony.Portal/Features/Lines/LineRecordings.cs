using Microsoft.EntityFrameworkCore;
using Telephony.Contracts.Announcements;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Announcements;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Infrastructure.Media;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.Portal.Infrastructure.Storage;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.Portal.Features.Lines;

/// <summary>An announcement's audio, for the browser's player or a download.</summary>
public sealed record RecordingAudio(Stream Content, string ContentType, string FileName);

/// <summary>Where a recording's conversion by the media server is (the API's view of an <see cref="Announcement"/>).</summary>
public sealed record RecordingConversion(Guid AnnouncementId, AnnouncementState State, TimeSpan? Duration, string? ErrorCode, string? ErrorMessage);

/// <summary>What the text-to-speech form and endpoints take.</summary>
public sealed record SpeechRequest(string? Text, string? Language);

/// <summary>
/// S-ANN for user lines (L-GREETING, L-HOLDANN, L-CWANN; manager only): an MP3 or WAV of at
/// most 3 MB and 2 minutes, or a text spoken by the media server, replaces the line's previous
/// recording for that use. The file is kept and, in the same transaction, sent to the media
/// server in the outbox (<see cref="AnnouncementUploaded"/>); the recording's announcement is
/// converting until the media server answers (<see cref="AnnouncementState"/>), and only a
/// ready one is played (the predefined audio otherwise). Removing it goes back to the
/// predefined announcement. The user of the line may listen to it.
/// </summary>
public sealed class LineRecordings(PortalDbContext db, AnnouncementFiles files, MediaServerClient mediaServer, Actor actor, TimeProvider time)
{
    private static readonly Error ManagerOnly = Error.Forbidden("line.manager-only", "Only a manager can change the announcements.", "File");

    public async Task<Result<LineServices>> UploadAsync(Guid lineId, AnnouncementUse use, Stream upload, long? declaredLength, CancellationToken cancellationToken)
    {
        var found = await ManagedLineAsync(lineId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error!;
        }

        var read = await AudioFile.ReadUploadAsync(upload, declaredLength, cancellationToken);
        return read.Succeeded ? await SaveAsync(found.Value!, use, read.Value!, cancellationToken) : read.Error!;
    }

    /// <summary>The text spoken by the media server becomes the recording, as an uploaded WAV would.</summary>
    public async Task<Result<LineServices>> SpeakAsync(Guid lineId, AnnouncementUse use, SpeechRequest request, CancellationToken cancellationToken)
    {
        var found = await ManagedLineAsync(lineId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error!;
        }

        var speech = await SynthesizeAsync(request, cancellationToken);
        return speech.Succeeded ? await SaveAsync(found.Value!, use, speech.Value!, cancellationToken, SpeechText.TextField) : speech.Error!;
    }

    /// <summary>"Listen" before saving: the text spoken, as WAV.</summary>
    public async Task<Result<byte[]>> PreviewSpeechAsync(Guid lineId, SpeechRequest request, CancellationToken cancellationToken) =>
        await ManagedLineAsync(lineId, cancellationToken) is { Succeeded: false } found
            ? found.Error!
            : await SynthesizeAsync(request, cancellationToken);

    public async Task<Result<LineServices>> RemoveAsync(Guid lineId, AnnouncementUse use, CancellationToken cancellationToken)
    {
        var found = await ManagedLineAsync(lineId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error!;
        }

        var line = found.Value!;
        var recording = line.Services.Announcements.RecordingFor(use);
        if (recording is null)
        {
            return LineErrors.NoRecording;
        }

        if (line.ChangeRecording(use, null) is { } error)
        {
            return error;
        }

        // An answer still on its way for it then finds nothing to change.
        if (recording.AnnouncementId is { } announcementId && await db.Announcements.SingleOrDefaultAsync(a => a.Id == announcementId, cancellationToken) is { } announcement)
        {
            db.Announcements.Remove(announcement);
        }

        await db.SaveChangesAsync(cancellationToken);
        files.Delete(line.TenantId, line.Id, use);
        return line.Services;
    }

    /// <summary>The file as it was uploaded.</summary>
    public async Task<Result<RecordingAudio>> AudioAsync(Guid lineId, AnnouncementUse use, CancellationToken cancellationToken)
    {
        var line = await FindAsync(lineId, cancellationToken);
        var recording = line?.Services.Announcements.RecordingFor(use);
        var content = recording is null ? null : files.Open(line!.TenantId, line.Id, use, recording.Extension);
        return content is null
            ? LineErrors.NoRecording
            : new RecordingAudio(content, recording!.ContentType, $"{use.ToString().ToLowerInvariant()}{recording.Extension}");
    }

    /// <summary>"Listen after": the converted audio callers hear (WAV 8 kHz mono), from the media server, once ready.</summary>
    public async Task<Result<byte[]>> ConvertedAudioAsync(Guid lineId, AnnouncementUse use, CancellationToken cancellationToken)
    {
        var line = await FindAsync(lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        if ((await ConversionsAsync(line.Services, cancellationToken)).GetValueOrDefault(use) is not { State: AnnouncementState.Ready } ready)
        {
            return LineErrors.NotConverted;
        }

        var audio = await mediaServer.AnnouncementAsync(line.TenantId, ready.AnnouncementId, cancellationToken);
        return !audio.Succeeded ? audio.Error! : audio.Value is { } wav ? wav : LineErrors.NotConverted;
    }

    /// <summary>The conversion of the line's recording for <paramref name="use"/>.</summary>
    public async Task<Result<RecordingConversion>> ConversionAsync(Guid lineId, AnnouncementUse use, CancellationToken cancellationToken)
    {
        var line = await FindAsync(lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        return (await ConversionsAsync(line.Services, cancellationToken)).GetValueOrDefault(use) is { } conversion ? conversion : LineErrors.NotConverted;
    }

    /// <summary>The conversion of each of the line's recordings (for the line's page); a recording from before conversion has none.</summary>
    public async Task<IReadOnlyDictionary<AnnouncementUse, RecordingConversion>> ConversionsAsync(LineServices services, CancellationToken cancellationToken)
    {
        var uses = new Dictionary<Guid, AnnouncementUse>();
        foreach (var use in Enum.GetValues<AnnouncementUse>())
        {
            if (services.Announcements.RecordingFor(use)?.AnnouncementId is { } id)
            {
                uses[id] = use;
            }
        }

        var ids = uses.Keys.ToList();
        var announcements = await db.Announcements.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        return announcements.ToDictionary(a => uses[a.Id], a => new RecordingConversion(a.Id, a.State, a.Duration, a.ErrorCode, a.ErrorMessage));
    }

    private async Task<Result<LineServices>> SaveAsync(Line line, AnnouncementUse use, byte[] content, CancellationToken cancellationToken, string field = "File")
    {
        var audio = AudioFile.Inspect(content, field);
        if (!audio.Succeeded)
        {
            return audio.Error!;
        }

        var info = audio.Value!;
        var now = time.GetUtcNow().UtcDateTime;
        // Each use of the line keeps its announcement id: the media server replaces the audio in place.
        var announcement = line.Services.Announcements.RecordingFor(use)?.AnnouncementId is { } existing
            ? await db.Announcements.SingleOrDefaultAsync(a => a.Id == existing, cancellationToken)
            : null;
        if (announcement is null)
        {
            announcement = Announcement.Create(line.TenantId, now);
            db.Announcements.Add(announcement);
        }
        else
        {
            announcement.Upload(now);
        }

        if (line.ChangeRecording(use, new Recording(info.ContentType, info.Extension, content.Length, info.Duration, now, announcement.Id)) is { } error)
        {
            return error;
        }

        var messageId = Guid.NewGuid();
        db.Enqueue(messageId, line.TenantId, new AnnouncementUploaded
        {
            TenantId = line.TenantId,
            MessageId = messageId,
            AnnouncementId = announcement.Id,
            UploadId = announcement.UploadId,
            ContentType = info.ContentType,
            Content = content,
            OccurredAt = now,
        }, now);
        await files.SaveAsync(line.TenantId, line.Id, use, info.Extension, content, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return line.Services;
    }

    private async Task<Result<byte[]>> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        var checkedText = SpeechText.Check(request.Text, request.Language);
        return checkedText.Succeeded
            ? await mediaServer.SpeakAsync(checkedText.Value.Text, checkedText.Value.Language, cancellationToken)
            : checkedText.Error!;
    }

    /// <summary>The line, when the signed-in manager may change its recordings.</summary>
    private async Task<Result<Line>> ManagedLineAsync(Guid lineId, CancellationToken cancellationToken)
    {
        var line = await FindAsync(lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        return actor.IsUser ? ManagerOnly : line;
    }

    private async Task<Line?> FindAsync(Guid lineId, CancellationToken cancellationToken) =>
        actor.MaySee(lineId) ? await db.Lines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken) : null;
}
