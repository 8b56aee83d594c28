using MassTransit;
using Telephony.Contracts.Routing;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Infrastructure.Routing;

/// <summary>Answers a starting CallControl instance with every routing snapshot it lacks or holds in an older version.</summary>
internal sealed class RoutingSnapshotsRequestedConsumer(PortalDbContext db, TimeProvider time) : IConsumer<RoutingSnapshotsRequested>
{
    public Task Consume(ConsumeContext<RoutingSnapshotsRequested> context) =>
        RoutingSnapshotStaging.RestageNewerAsync(db, context.Message.KnownVersions, time, RoutingSnapshotStaging.RestageAsync, context.CancellationToken);
}
