using Telephony.CallControl.Routing;
using Telephony.Contracts.Routing;

namespace Telephony.CallControl.Tests.Routing;

public sealed class RoutingTableTests
{
    private static readonly Guid TenantA = Guid.NewGuid();

    [Fact]
    public void Apply_FirstSnapshot_IsInForce()
    {
        var table = new RoutingTable();

        Assert.True(table.Apply(Snapshot(TenantA, 1, "alpha.sip.test", ("201", "+33199000000"))));

        var routing = table.Find(TenantA)!;
        Assert.Equal(1, routing.Version);
        Assert.Equal("+33199000000", routing.ByShortNumber["201"].PublicNumber);
        Assert.Same(routing, table.FindByDomain("ALPHA.sip.test"));
    }

    [Fact]
    public void Apply_OlderOrSameVersion_IsIgnored()
    {
        var table = new RoutingTable();
        table.Apply(Snapshot(TenantA, 5, "alpha.sip.test", ("201", "+33199000000")));

        Assert.False(table.Apply(Snapshot(TenantA, 5, "alpha.sip.test")));
        Assert.False(table.Apply(Snapshot(TenantA, 4, "alpha.sip.test")));

        Assert.Single(table.Find(TenantA)!.Snapshot.Lines);
    }

    [Fact]
    public void Apply_NewerVersion_ReplacesTheWholeSnapshot()
    {
        var table = new RoutingTable();
        table.Apply(Snapshot(TenantA, 1, "alpha.sip.test", ("201", "+33199000000")));

        Assert.True(table.Apply(Snapshot(TenantA, 2, "alpha.sip.test", ("202", "+33199000001"))));

        var routing = table.Find(TenantA)!;
        Assert.False(routing.ByShortNumber.ContainsKey("201"));
        Assert.True(routing.ByShortNumber.ContainsKey("202"));
    }

    [Fact]
    public void Apply_DomainChanged_OldDomainNoLongerResolves()
    {
        var table = new RoutingTable();
        table.Apply(Snapshot(TenantA, 1, "old.sip.test"));

        table.Apply(Snapshot(TenantA, 2, "new.sip.test"));

        Assert.Null(table.FindByDomain("old.sip.test"));
        Assert.Equal(TenantA, table.FindByDomain("new.sip.test")!.TenantId);
    }

    [Fact]
    public void FindByDomain_OtherTenantsDomain_ResolvesToThatTenantOnly()
    {
        var table = new RoutingTable();
        var tenantB = Guid.NewGuid();
        table.Apply(Snapshot(TenantA, 1, "alpha.sip.test", ("201", "+33199000000")));
        table.Apply(Snapshot(tenantB, 1, "beta.sip.test", ("201", "+33199100000")));

        Assert.Equal("+33199000000", table.FindByDomain("alpha.sip.test")!.ByShortNumber["201"].PublicNumber);
        Assert.Equal("+33199100000", table.FindByDomain("beta.sip.test")!.ByShortNumber["201"].PublicNumber);
        Assert.Equal(new Dictionary<Guid, long> { [TenantA] = 1, [tenantB] = 1 }, table.KnownVersions());
    }

    private static TenantRoutingChanged Snapshot(Guid tenantId, long version, string domain, params (string Short, string Number)[] lines) => new()
    {
        TenantId = tenantId,
        MessageId = Guid.NewGuid(),
        Version = version,
        CompanyName = "Alpha",
        Suspended = false,
        SipDomain = domain,
        TimeZone = "Europe/Paris",
        Lines = lines.Select(l => new RoutingLine
        {
            LineId = Guid.NewGuid(),
            Kind = "Fixed",
            PublicNumber = l.Number,
            ShortNumber = l.Short,
            DisplayName = "Someone",
            Sip = new SipCredentials { Username = l.Number.TrimStart('+'), Ha1Md5 = "x", Ha1Sha256 = "y" },
        }).ToList(),
        OccurredAt = new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc),
    };
}
