namespace Telephony.Contracts.Devices;

/// <summary>
/// D-RESYNC: a phone's configuration changed, so the CallControl instances holding the line's
/// registrations send it a NOTIFY with <see cref="Event"/> (e.g. "check-sync;reboot=true",
/// the variant its vendor needs) and the phone fetches its configuration again.
/// </summary>
public sealed record DeviceResyncRequested
{
    public required Guid TenantId { get; init; }

    public required Guid MessageId { get; init; }

    public required Guid LineId { get; init; }

    public required string Mac { get; init; }

    public required string Event { get; init; }

    public required DateTime OccurredAt { get; init; }
}
