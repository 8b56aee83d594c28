namespace Telephony.Contracts.Announcements;

/// <summary>
/// The media server's answer to <see cref="AnnouncementUploaded"/>: the audio is ready to play
/// (with its duration), or it was refused with an error code (audio.too-long, audio.format,
/// audio.unreadable…) and a message a manager understands.
/// </summary>
public sealed record AnnouncementConverted
{
    public required Guid TenantId { get; init; }

    public required Guid MessageId { get; init; }

    public required Guid AnnouncementId { get; init; }

    public required Guid UploadId { get; init; }

    public required bool Ready { get; init; }

    /// <summary>How long the converted audio plays; null when refused.</summary>
    public TimeSpan? Duration { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public required DateTime OccurredAt { get; init; }
}
