using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Telephony.Portal.Domain.Calendars;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.Portal.Infrastructure.Provisioning;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.Portal.Infrastructure.Routing;

/// <summary>
/// Makes every save that touches routing configuration also stage the tenant's next routing
/// snapshot and device snapshot (for Provisioning, same version) in the outbox, in the same transaction: the change and its event commit together
/// or not at all. The tenant row's version is incremented with an UPDATE first, which locks
/// the row, so concurrent changes of one tenant produce strictly increasing versions and each
/// snapshot contains everything committed before it.
/// </summary>
internal static class RoutingSnapshotStaging
{
    public static async Task<int> SaveAsync(
        PortalDbContext db,
        TimeProvider time,
        OutboxSignal<PortalDbContext>? signal,
        bool acceptAllChangesOnSuccess,
        Func<bool, CancellationToken, Task<int>> save,
        CancellationToken cancellationToken)
    {
        var tenants = AffectedTenants(db.ChangeTracker);
        var stagesOutbox = tenants.Count > 0 || db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        if (tenants.Count == 0)
        {
            var saved = await save(acceptAllChangesOnSuccess, cancellationToken);
            NotifyIfCommitted(db, signal, stagesOutbox);
            return saved;
        }

        var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var saved = await save(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var tenantId in tenants)
            {
                await StageAsync(db, tenantId, time.GetUtcNow().UtcDateTime, cancellationToken);
            }

            saved += await save(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            NotifyIfCommitted(db, signal, stagesOutbox);
            return saved;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>Publishes the tenant's current snapshot again without a new version (answering a CallControl that lacks it).</summary>
    public static async Task RestageAsync(PortalDbContext db, Guid tenantId, DateTime now, CancellationToken cancellationToken)
    {
        var version = await CurrentVersionAsync(db, tenantId, cancellationToken);
        var snapshot = await RoutingSnapshotBuilder.BuildAsync(db, tenantId, version, now, cancellationToken);
        db.Enqueue(snapshot.MessageId, tenantId, snapshot, now);
    }

    /// <summary>Publishes the tenant's current device snapshot again without a new version (answering Provisioning).</summary>
    public static async Task RestageDevicesAsync(PortalDbContext db, Guid tenantId, DateTime now, CancellationToken cancellationToken)
    {
        var version = await CurrentVersionAsync(db, tenantId, cancellationToken);
        var devices = await DeviceSnapshotBuilder.BuildAsync(db, tenantId, version, now, cancellationToken);
        db.Enqueue(devices.MessageId, tenantId, devices, now);
    }

    /// <summary>
    /// Answers a service asking, at its start, for the snapshots it lacks: <paramref name="restage"/>
    /// publishes again every tenant whose version is newer than the one it holds (or that it does
    /// not hold). Idempotent: answering twice only republishes versions it will ignore.
    /// </summary>
    public static async Task RestageNewerAsync(
        PortalDbContext db,
        IReadOnlyDictionary<Guid, long> known,
        TimeProvider time,
        Func<PortalDbContext, Guid, DateTime, CancellationToken, Task> restage,
        CancellationToken cancellationToken)
    {
        var current = await db.Tenants.AsNoTracking()
            .Select(t => new { t.Id, t.RoutingVersion })
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var tenant in current.Where(t => !known.TryGetValue(t.Id, out var held) || held < t.RoutingVersion))
        {
            await restage(db, tenant.Id, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Task<long> CurrentVersionAsync(PortalDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
        db.Tenants.Where(t => t.Id == tenantId).Select(t => t.RoutingVersion).SingleAsync(cancellationToken);

    private static async Task StageAsync(PortalDbContext db, Guid tenantId, DateTime now, CancellationToken cancellationToken)
    {
        var bumped = await db.Tenants
            .Where(t => t.Id == tenantId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RoutingVersion, t => t.RoutingVersion + 1), cancellationToken);
        if (bumped == 0)
        {
            return; // the tenant itself was deleted: nothing left to route
        }

        await RestageAsync(db, tenantId, now, cancellationToken);
        await RestageDevicesAsync(db, tenantId, now, cancellationToken);
    }

    private static void NotifyIfCommitted(PortalDbContext db, OutboxSignal<PortalDbContext>? signal, bool stagedOutbox)
    {
        if (stagedOutbox && db.Database.CurrentTransaction is null)
        {
            signal?.Notify();
        }
    }

    public static bool HasRoutingChanges(ChangeTracker tracker) => AffectedTenants(tracker).Count > 0;

    /// <summary>The tenants whose routing snapshot the pending changes alter.</summary>
    private static HashSet<Guid> AffectedTenants(ChangeTracker tracker)
    {
        var tenants = new HashSet<Guid>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            Guid? tenantId = entry.Entity switch
            {
                Tenant tenant => tenant.Id,
                Line line => line.TenantId,
                Calendar calendar => calendar.TenantId,
                Domain.PickupGroups.PickupGroup group => group.TenantId,
                Domain.Contacts.DirectoryContact contact => contact.TenantId,
                Domain.HuntGroups.HuntGroupMember member => member.TenantId,
                // Converted audio is named in the snapshot only once ready.
                Domain.Announcements.Announcement announcement => announcement.TenantId,
                _ => null,
            };
            if (tenantId is { } id && id != Guid.Empty)
            {
                tenants.Add(id);
            }
        }

        return tenants;
    }
}
