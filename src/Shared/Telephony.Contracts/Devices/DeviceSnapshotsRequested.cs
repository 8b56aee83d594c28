namespace Telephony.Contracts.Devices;

/// <summary>
/// Sent by Provisioning when it starts: the Portal answers with a
/// <see cref="TenantDevicesChanged"/> for every tenant whose version is newer than the one
/// held (or not held at all).
/// </summary>
public sealed record DeviceSnapshotsRequested
{
    public required Guid MessageId { get; init; }

    /// <summary>Tenant id → version already held.</summary>
    public required IReadOnlyDictionary<Guid, long> KnownVersions { get; init; }

    public required DateTime OccurredAt { get; init; }
}
