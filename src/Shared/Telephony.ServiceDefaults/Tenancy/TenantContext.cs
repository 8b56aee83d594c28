namespace Telephony.ServiceDefaults.Tenancy;

/// <summary>
/// The tenant the current unit of work acts for (scoped: one per HTTP request, consumed
/// message or SIP transaction). It is set from the authenticated principal, the message, the
/// authenticated SIP identity or the device, never from a route value or a body field.
/// With no tenant, tenant-owned queries return nothing and writes are refused.
/// </summary>
public sealed class TenantContext
{
    public Guid? TenantId { get; private set; }

    /// <summary>Acts for <paramref name="tenantId"/> until the returned scope is disposed.</summary>
    public IDisposable Enter(Guid tenantId)
    {
        if (tenantId == Guid.Empty)
        {
            throw new ArgumentException("A tenant id cannot be empty.", nameof(tenantId));
        }

        var previous = TenantId;
        TenantId = tenantId;
        return new Scope(this, previous);
    }

    public Guid RequireTenantId() =>
        TenantId ?? throw new TenantIsolationException("No tenant is set for this unit of work.");

    private sealed class Scope(TenantContext owner, Guid? previous) : IDisposable
    {
        public void Dispose() => owner.TenantId = previous;
    }
}
