using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Domain.Announcements;

/// <summary>Where an announcement's audio is on its way to the media server.</summary>
public enum AnnouncementState
{
    /// <summary>Uploaded; the media server has not answered yet (the predefined audio plays meanwhile).</summary>
    Converting,

    /// <summary>Converted: <c>announcement:&lt;tenant&gt;/&lt;id&gt;</c> plays.</summary>
    Ready,

    /// <summary>The media server could not use the file; <see cref="Announcement.ErrorMessage"/> says why.</summary>
    Refused,
}

/// <summary>
/// S-ANN: an announcement's audio as the media server holds it, named by <see cref="Id"/>
/// (<c>announcement:&lt;tenant&gt;/&lt;id&gt;</c>). A user line's recording refers to one (each use
/// keeps its id across uploads: a new upload replaces the audio); the per-site library of hunt
/// groups and IVRs will add its own (with a site and a name) and share them the same way.
/// Each upload gets a new <see cref="UploadId"/>; the media server's answer applies only to the
/// current one, once.
/// </summary>
public sealed class Announcement : ITenantOwned
{
    public const int MaxErrorMessageLength = 500;

    private Announcement()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The current upload: an answer for any other is stale.</summary>
    public Guid UploadId { get; private set; }

    public AnnouncementState State { get; private set; }

    /// <summary>How long the converted audio plays, once ready.</summary>
    public TimeSpan? Duration { get; private set; }

    public string? ErrorCode { get; private set; }

    public string? ErrorMessage { get; private set; }

    public DateTime UploadedAt { get; private set; }

    public DateTime? ConvertedAt { get; private set; }

    public static Announcement Create(Guid tenantId, DateTime now)
    {
        var announcement = new Announcement { Id = Guid.NewGuid(), TenantId = tenantId };
        announcement.Upload(now);
        return announcement;
    }

    /// <summary>A new upload replaces the audio: converting again, under a new upload id.</summary>
    public void Upload(DateTime now)
    {
        UploadId = Guid.NewGuid();
        State = AnnouncementState.Converting;
        Duration = null;
        ErrorCode = null;
        ErrorMessage = null;
        UploadedAt = now;
        ConvertedAt = null;
    }

    /// <summary>
    /// The media server's answer for <paramref name="uploadId"/>. False (nothing changes) when it
    /// is for an earlier upload or this upload was already answered (a redelivery).
    /// </summary>
    public bool Converted(Guid uploadId, TimeSpan? duration, DateTime at) =>
        Apply(uploadId, AnnouncementState.Ready, duration, null, null, at);

    /// <inheritdoc cref="Converted"/>
    public bool Refused(Guid uploadId, string? code, string? message, DateTime at) =>
        Apply(uploadId, AnnouncementState.Refused, null, code ?? "audio.refused", Truncate(message ?? "The media server could not convert this file; try another one."), at);

    private bool Apply(Guid uploadId, AnnouncementState state, TimeSpan? duration, string? code, string? message, DateTime at)
    {
        if (uploadId != UploadId || State != AnnouncementState.Converting)
        {
            return false;
        }

        (State, Duration, ErrorCode, ErrorMessage, ConvertedAt) = (state, duration, code, message, at);
        return true;
    }

    private static string Truncate(string message) => message.Length <= MaxErrorMessageLength ? message : message[..MaxErrorMessageLength];
}
