namespace Telephony.Contracts.Voicemail;

/// <summary>
/// A voicemail box's message counts after a change (a deposit, a message heard, saved,
/// deleted or purged): CallControl lights or clears the message-waiting indicator of the
/// box's lines (V-MWI, RFC 3842), the Portal shows the count. Idempotent by
/// <see cref="Version"/>, strictly increasing per box.
/// </summary>
public sealed record VoicemailBoxChanged
{
    public required Guid TenantId { get; init; }

    public required Guid MessageId { get; init; }

    /// <summary>The id of the line that owns the box.</summary>
    public required Guid BoxId { get; init; }

    public required long Version { get; init; }

    public required int NewMessages { get; init; }

    public required int SavedMessages { get; init; }

    public required DateTime OccurredAt { get; init; }
}
