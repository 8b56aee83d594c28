namespace Telephony.Contracts.Voicemail;

/// <summary>
/// A caller left a message in a voicemail box (V-BOX): the Portal e-mails the box owner when
/// V-EMAIL asks for it (the audio is fetched from the media server that holds it).
/// </summary>
public sealed record VoicemailDeposited
{
    public required Guid TenantId { get; init; }

    public required Guid MessageId { get; init; }

    /// <summary>The box: the id of the line that owns it (the fixed line of a convergent pair, V-CONVERGENT).</summary>
    public required Guid BoxId { get; init; }

    public required Guid VoicemailMessageId { get; init; }

    /// <summary>The caller's number as presented (E.164 or a short number); null when withheld.</summary>
    public string? Caller { get; init; }

    public string? CallerName { get; init; }

    public required DateTime ReceivedAt { get; init; }

    public required TimeSpan Duration { get; init; }

    public required DateTime OccurredAt { get; init; }
}
