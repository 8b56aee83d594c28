namespace Telephony.ServiceDefaults.Tenancy;

/// <summary>A row that belongs to exactly one tenant. Its <see cref="TenantId"/> never changes.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
