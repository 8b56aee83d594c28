using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Telephony.CallControl.Persistence;
using Telephony.Contracts.Routing;

namespace Telephony.CallControl.Routing;

/// <summary>The newest routing snapshot of each tenant in CallControl's own store, so a restart starts routing at once.</summary>
public sealed class RoutingSnapshotStore(CallControlDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveIfNewerAsync(TenantRoutingChanged snapshot, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(snapshot, Json);
        var now = time.GetUtcNow().UtcDateTime;
        var updated = await db.RoutingSnapshots
            .Where(s => s.TenantId == snapshot.TenantId && s.Version < snapshot.Version)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, snapshot.Version).SetProperty(r => r.Payload, payload).SetProperty(r => r.ReceivedAt, now), cancellationToken);
        if (updated > 0 || await db.RoutingSnapshots.AnyAsync(s => s.TenantId == snapshot.TenantId, cancellationToken))
        {
            return;
        }

        db.RoutingSnapshots.Add(new StoredRoutingSnapshot { TenantId = snapshot.TenantId, Version = snapshot.Version, Payload = payload, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance stored this tenant first; retry as an update.
            db.ChangeTracker.Clear();
            await SaveIfNewerAsync(snapshot, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<TenantRoutingChanged>> LoadAllAsync(CancellationToken cancellationToken)
    {
        var rows = await db.RoutingSnapshots.AsNoTracking().Select(s => s.Payload).ToListAsync(cancellationToken);
        return rows.Select(p => JsonSerializer.Deserialize<TenantRoutingChanged>(p, Json)!).ToList();
    }
}
