using Microsoft.Extensions.Options;

namespace Telephony.MediaServer.Audio;

/// <summary>
/// Telephony audio as files under the data folder, one folder per tenant:
/// <c>audio/&lt;tenant&gt;/announcements/&lt;announcement&gt;.wav</c> (S-ANN) and
/// <c>audio/&lt;tenant&gt;/voicemail/&lt;box&gt;/&lt;audio&gt;.wav</c> (section 7: messages, greetings, names). Every part of
/// a path is a Guid formatted here, never text from a request, so no input can name another
/// tenant's file or climb out of the folder. A file is written beside its final name, flushed,
/// then renamed over it, so a reader sees the old audio or the new, never half of one.
/// </summary>
public sealed class AudioStore(IOptions<AudioOptions> options, IHostEnvironment environment)
{
    private const string TemporarySuffix = ".tmp";

    private readonly SemaphoreSlim[] _announcementGates = Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>The folder all tenants' audio is under.</summary>
    public string Root { get; } = Path.Combine(Path.GetFullPath(options.Value.DataFolder, environment.ContentRootPath), "audio");

    /// <summary>Reads an id given as text (a message, a route) strictly: a canonical, non-empty Guid, nothing else.</summary>
    public static bool TryParseId(string? text, out Guid id) =>
        Guid.TryParseExact(text, "D", out id) && id != Guid.Empty;

    public Task SaveAnnouncementAsync(Guid tenantId, Guid announcementId, ReadOnlyMemory<short> samples, CancellationToken cancellationToken) =>
        WriteAsync(AnnouncementFile(tenantId, announcementId), samples, cancellationToken);

    /// <summary>
    /// Saves the audio of the upload made at <paramref name="uploadedAt"/>, unless the stored audio
    /// comes from a later upload (two uploads converted out of order: the later one stays). The
    /// upload time is kept as the file's write time. False when the stored audio was kept.
    /// </summary>
    public async Task<bool> SaveAnnouncementIfLaterAsync(Guid tenantId, Guid announcementId, ReadOnlyMemory<short> samples, DateTime uploadedAt, CancellationToken cancellationToken)
    {
        var file = AnnouncementFile(tenantId, announcementId);
        // One writer per file in this process, so the check and the rename are not interleaved.
        var gate = _announcementGates[(int)((uint)file.GetHashCode(StringComparison.Ordinal) % (uint)_announcementGates.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            var utc = DateTime.SpecifyKind(uploadedAt, DateTimeKind.Utc);
            if (File.Exists(file) && File.GetLastWriteTimeUtc(file) > utc)
            {
                return false;
            }

            await WriteAsync(file, samples, cancellationToken, utc);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The announcement's samples, or null when there is none.</summary>
    public Task<short[]?> ReadAnnouncementAsync(Guid tenantId, Guid announcementId, CancellationToken cancellationToken) =>
        ReadAsync(AnnouncementFile(tenantId, announcementId), cancellationToken);

    /// <summary>Deletes an announcement; false when there was none.</summary>
    public bool DeleteAnnouncement(Guid tenantId, Guid announcementId) => Delete(AnnouncementFile(tenantId, announcementId));

    public Task SaveVoicemailAsync(Guid tenantId, Guid boxId, Guid messageId, ReadOnlyMemory<short> samples, CancellationToken cancellationToken) =>
        WriteAsync(VoicemailFile(tenantId, boxId, messageId), samples, cancellationToken);

    /// <summary>The message's samples, or null when there is none.</summary>
    public Task<short[]?> ReadVoicemailAsync(Guid tenantId, Guid boxId, Guid messageId, CancellationToken cancellationToken) =>
        ReadAsync(VoicemailFile(tenantId, boxId, messageId), cancellationToken);

    /// <summary>Deletes a message; false when there was none.</summary>
    public bool DeleteVoicemail(Guid tenantId, Guid boxId, Guid messageId) => Delete(VoicemailFile(tenantId, boxId, messageId));

    /// <summary>Deletes a box and all its messages (its line was deleted).</summary>
    public void DeleteVoicemailBox(Guid tenantId, Guid boxId)
    {
        var folder = Folder(tenantId, "voicemail", boxId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal string AnnouncementFile(Guid tenantId, Guid announcementId) =>
        Path.Combine(Folder(tenantId, "announcements"), Name(announcementId, nameof(announcementId)) + ".wav");

    internal string VoicemailFile(Guid tenantId, Guid boxId, Guid messageId) =>
        Path.Combine(Folder(tenantId, "voicemail", boxId), Name(messageId, nameof(messageId)) + ".wav");

    private string Folder(Guid tenantId, string kind, Guid? boxId = null)
    {
        var folder = Path.Combine(Root, Name(tenantId, nameof(tenantId)), kind);
        return boxId is { } box ? Path.Combine(folder, Name(box, nameof(boxId))) : folder;
    }

    private static string Name(Guid id, string parameter) =>
        id == Guid.Empty ? throw new ArgumentException("An audio id is never the empty Guid.", parameter) : id.ToString("D");

    private static async Task WriteAsync(string file, ReadOnlyMemory<short> samples, CancellationToken cancellationToken, DateTime? writtenAt = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = $"{file}.{Guid.NewGuid():N}{TemporarySuffix}";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true))
            {
                await stream.WriteAsync(TelephonyAudio.Write(samples.Span), cancellationToken);
                // On disk before the rename, or a crash could leave the new name on empty data.
                stream.Flush(flushToDisk: true);
            }

            if (writtenAt is { } stamp)
            {
                File.SetLastWriteTimeUtc(temporary, stamp);
            }

            File.Move(temporary, file, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static async Task<short[]?> ReadAsync(string file, CancellationToken cancellationToken)
    {
        byte[] wav;
        try
        {
            wav = await File.ReadAllBytesAsync(file, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        // Only this class writes here, so a file that does not read is damage, not input.
        var audio = TelephonyAudio.Read(wav);
        return audio.Succeeded ? audio.Samples : throw new InvalidDataException($"{file}: {audio.Error.Message}");
    }

    private static bool Delete(string file)
    {
        if (!File.Exists(file))
        {
            return false;
        }

        File.Delete(file);
        return true;
    }
}
