using System.Collections.Concurrent;
using Telephony.Contracts.Routing;

namespace Telephony.CallControl.Routing;

/// <summary>
/// The in-memory routing configuration of every tenant, from which routing decisions are
/// taken. Only a strictly newer version replaces a tenant's snapshot, so redelivered or
/// reordered events are harmless.
/// </summary>
public sealed class RoutingTable
{
    private readonly ConcurrentDictionary<Guid, TenantRouting> _byTenant = new();
    private readonly ConcurrentDictionary<string, Guid> _tenantByDomain = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Guid> _tenantByNumber = new(StringComparer.Ordinal);

    public TenantRouting? Find(Guid tenantId) => _byTenant.GetValueOrDefault(tenantId);

    /// <summary>The tenant a SIP domain (digest realm) belongs to.</summary>
    public TenantRouting? FindByDomain(string sipDomain) =>
        _tenantByDomain.TryGetValue(sipDomain, out var tenantId) ? Find(tenantId) : null;

    /// <summary>The tenant and line owning a public number (E.164), whichever tenant it is.</summary>
    public (TenantRouting Tenant, RoutingLine Line)? FindByPublicNumber(string e164) =>
        _tenantByNumber.TryGetValue(e164, out var tenantId) && Find(tenantId) is { } tenant && tenant.ByPublicNumber.TryGetValue(e164, out var line)
            ? (tenant, line)
            : null;

    public IReadOnlyDictionary<Guid, long> KnownVersions() => _byTenant.ToDictionary(p => p.Key, p => p.Value.Version);

    /// <summary>Installs <paramref name="snapshot"/> if it is newer than the one held; returns whether it was.</summary>
    public bool Apply(TenantRoutingChanged snapshot)
    {
        var candidate = TenantRouting.From(snapshot);
        while (true)
        {
            if (!_byTenant.TryGetValue(snapshot.TenantId, out var current))
            {
                if (_byTenant.TryAdd(snapshot.TenantId, candidate))
                {
                    Index(null, candidate);
                    return true;
                }

                continue;
            }

            if (current.Version >= snapshot.Version)
            {
                return false;
            }

            if (_byTenant.TryUpdate(snapshot.TenantId, candidate, current))
            {
                Index(current, candidate);
                return true;
            }
        }
    }

    private void Index(TenantRouting? previous, TenantRouting next)
    {
        if (previous is not null)
        {
            foreach (var number in previous.ByPublicNumber.Keys.Except(next.ByPublicNumber.Keys))
            {
                _tenantByNumber.TryRemove(new KeyValuePair<string, Guid>(number, previous.TenantId));
            }
        }

        foreach (var number in next.ByPublicNumber.Keys)
        {
            _tenantByNumber[number] = next.TenantId;
        }

        if (previous is not null && !string.Equals(previous.SipDomain, next.SipDomain, StringComparison.OrdinalIgnoreCase))
        {
            _tenantByDomain.TryRemove(new KeyValuePair<string, Guid>(previous.SipDomain, previous.TenantId));
        }

        _tenantByDomain[next.SipDomain] = next.TenantId;
    }
}
