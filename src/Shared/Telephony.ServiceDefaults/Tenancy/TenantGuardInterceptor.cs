using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Telephony.ServiceDefaults.Tenancy;

/// <summary>
/// Before any save: stamps new tenant-owned rows with the current tenant, and refuses rows of
/// another tenant, a changed tenant id, or any tenant-owned write with no current tenant.
/// </summary>
public sealed class TenantGuardInterceptor(TenantContext tenant) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Guard(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Guard(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var current = tenant.TenantId ?? throw new TenantIsolationException(
                $"Refused to write {entry.Metadata.ClrType.Name}: no tenant is set for this unit of work.");
            var property = entry.Property(nameof(ITenantOwned.TenantId));
            var rowTenant = (Guid)property.CurrentValue!;

            if (entry.State == EntityState.Added && rowTenant == Guid.Empty)
            {
                property.CurrentValue = current;
                continue;
            }

            if (rowTenant != current || (entry.State != EntityState.Added && TenantChanged(property)))
            {
                throw new TenantIsolationException(
                    $"Refused to write {entry.Metadata.ClrType.Name} of another tenant.");
            }
        }
    }

    private static bool TenantChanged(PropertyEntry property) => !Equals(property.OriginalValue, property.CurrentValue);
}
