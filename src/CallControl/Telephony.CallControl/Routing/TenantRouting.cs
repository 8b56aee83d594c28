using System.Collections.Frozen;
using Telephony.Contracts.Routing;

namespace Telephony.CallControl.Routing;

/// <summary>
/// One tenant's routing snapshot, indexed for the lookups call routing makes: by short number
/// and public number (dialled numbers) and by SIP user (authentication). Immutable: a newer
/// snapshot replaces it whole, so a call never sees half of a change.
/// </summary>
public sealed class TenantRouting
{
    private TenantRouting(TenantRoutingChanged snapshot)
    {
        Snapshot = snapshot;
        ByShortNumber = snapshot.Lines.Where(l => l.ShortNumber is not null).ToFrozenDictionary(l => l.ShortNumber!);
        ByPublicNumber = snapshot.Lines.ToFrozenDictionary(l => l.PublicNumber);
        BySipUser = snapshot.Lines.Where(l => l.Sip is not null).ToFrozenDictionary(l => l.Sip!.Username);
    }

    public TenantRoutingChanged Snapshot { get; }

    public Guid TenantId => Snapshot.TenantId;

    public long Version => Snapshot.Version;

    public string SipDomain => Snapshot.SipDomain;

    public FrozenDictionary<string, RoutingLine> ByShortNumber { get; }

    public FrozenDictionary<string, RoutingLine> ByPublicNumber { get; }

    public FrozenDictionary<string, RoutingLine> BySipUser { get; }

    public static TenantRouting From(TenantRoutingChanged snapshot) => new(snapshot);
}
