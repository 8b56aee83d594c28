using MassTransit;
using Microsoft.EntityFrameworkCore;
using Telephony.Contracts.Routing;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Infrastructure.Routing;

/// <summary>
/// Answers a starting CallControl instance: every tenant whose snapshot the instance lacks, or
/// holds in an older version, is published again through the outbox. Idempotent: answering
/// the same request twice only republishes versions the instance will ignore.
/// </summary>
internal sealed class RoutingSnapshotsRequestedConsumer(PortalDbContext db, TimeProvider time) : IConsumer<RoutingSnapshotsRequested>
{
    public async Task Consume(ConsumeContext<RoutingSnapshotsRequested> context)
    {
        var known = context.Message.KnownVersions;
        var current = await db.Tenants.AsNoTracking()
            .Select(t => new { t.Id, t.RoutingVersion })
            .ToListAsync(context.CancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var tenant in current.Where(t => !known.TryGetValue(t.Id, out var held) || held < t.RoutingVersion))
        {
            await RoutingSnapshotStaging.RestageAsync(db, tenant.Id, now, context.CancellationToken);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
