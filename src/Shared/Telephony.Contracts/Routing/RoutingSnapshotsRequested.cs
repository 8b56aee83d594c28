namespace Telephony.Contracts.Routing;

/// <summary>
/// Sent by a CallControl instance when it starts: the Portal answers by publishing a
/// <see cref="TenantRoutingChanged"/> for every tenant whose current version is newer than
/// the one the instance already holds (or that it does not hold at all).
/// </summary>
public sealed record RoutingSnapshotsRequested
{
    public required Guid MessageId { get; init; }

    public required string RequestedBy { get; init; }

    /// <summary>Tenant id → version already held by the requester.</summary>
    public required IReadOnlyDictionary<Guid, long> KnownVersions { get; init; }

    public required DateTime OccurredAt { get; init; }
}
