using Telephony.CallControl.Routing;
using Telephony.Contracts.Routing;

namespace Telephony.CallControl.Tests.Routing;

public sealed class CallRouterTests
{
    private readonly RoutingTable _table = new();
    private readonly CallRouter _router;
    private readonly TenantRouting _alpha;

    public CallRouterTests()
    {
        _table.Apply(Snapshot(Guid.NewGuid(), "alpha.sip.test", ("201", "+33199000000"), ("202", "+33199000001")));
        _table.Apply(Snapshot(Guid.NewGuid(), "beta.sip.test", ("201", "+33199100000"), ("301", "+33199100001")));
        _alpha = _table.FindByDomain("alpha.sip.test")!;
        _router = new CallRouter(_table);
    }

    [Theory]
    [InlineData("202")]
    [InlineData("0199000001")]
    [InlineData("+33199000001")]
    [InlineData("0033199000001")]
    public void Route_OwnLineByShortNationalOrE164_IsInternal(string dialled)
    {
        var decision = Assert.IsType<RouteToLine>(_router.Route(_alpha, dialled));

        Assert.Equal("+33199000001", decision.Line.PublicNumber);
        Assert.True(decision.Internal);
        Assert.Same(_alpha, decision.Tenant);
    }

    [Fact]
    public void Route_AnotherTenantsPublicNumber_EntersThatTenantAsAnInboundCall()
    {
        var decision = Assert.IsType<RouteToLine>(_router.Route(_alpha, "0199100001"));

        Assert.False(decision.Internal);
        Assert.Equal("beta.sip.test", decision.Tenant.SipDomain);
    }

    [Fact]
    public void Route_AnotherTenantsShortNumber_IsUnreachable()
    {
        // 301 exists only in beta; 201 exists in both and must stay alpha's own.
        Assert.Equal(404, Assert.IsType<RouteRejected>(_router.Route(_alpha, "301")).StatusCode);
        Assert.Equal("+33199000000", Assert.IsType<RouteToLine>(_router.Route(_alpha, "201")).Line.PublicNumber);
    }

    [Theory]
    [InlineData("0612345678", "+33612345678")]
    [InlineData("+4930123456", "+4930123456")]
    [InlineData("004930123456", "+4930123456")]
    public void Route_NumberOutsideThePlatform_GoesToTheTrunkInE164(string dialled, string e164)
    {
        var decision = Assert.IsType<RouteToTrunk>(_router.Route(_alpha, dialled));

        Assert.Equal(e164, decision.Number);
        Assert.False(decision.Emergency);
    }

    [Theory]
    [InlineData("15")]
    [InlineData("17")]
    [InlineData("18")]
    [InlineData("112")]
    [InlineData("114")]
    [InlineData("115")]
    [InlineData("119")]
    [InlineData("191")]
    [InlineData("196")]
    [InlineData("197")]
    public void Route_EmergencyNumber_AlwaysGoesOut(string dialled) =>
        Assert.True(Assert.IsType<RouteToTrunk>(_router.Route(_alpha, dialled)).Emergency);

    [Theory]
    [InlineData("999")]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("01990")]
    [InlineData("1+2")]
    [InlineData("012345678901234567890123")]
    public void Route_NothingDialable_Is404(string dialled) =>
        Assert.Equal(404, Assert.IsType<RouteRejected>(_router.Route(_alpha, dialled)).StatusCode);

    [Fact]
    public void Route_123FromALine_RetrievesItsOwnVoicemail()
    {
        var line = _alpha.ByShortNumber["202"] with { Services = Services() };

        var decision = Assert.IsType<RouteToVoicemail>(_router.Route(_alpha, "123", line));

        Assert.Equal(VoicemailAction.Retrieve, decision.Action);
        Assert.Same(line, decision.Called);
        Assert.Equal(line.LineId, decision.Box.LineId);
        Assert.Same(_alpha, decision.Tenant);
    }

    [Fact]
    public void Route_123FromAMobileAssociatedWithAFixedLine_RetrievesTheSharedBox()
    {
        var mobileId = Guid.NewGuid();
        var tenantId = Guid.NewGuid();
        _table.Apply(Snapshot(tenantId, "gamma.sip.test", 1, ("401", "+33199200000")) with
        {
            Lines =
            [
                new RoutingLine { LineId = Guid.NewGuid(), Kind = "Fixed", PublicNumber = "+33199200000", ShortNumber = "401", DisplayName = "Desk", AssociatedMobileLineId = mobileId, Services = Services() },
                new RoutingLine { LineId = mobileId, Kind = "Mobile", PublicNumber = "+33612345678", DisplayName = "Mobile", Services = Services() },
            ],
        });
        var gamma = _table.FindByDomain("gamma.sip.test")!;
        var mobile = gamma.ByPublicNumber["+33612345678"];

        var decision = Assert.IsType<RouteToVoicemail>(_router.Route(gamma, "123", mobile));

        Assert.Equal(gamma.ByShortNumber["401"].LineId, decision.Box.LineId);
        Assert.Same(mobile, decision.Called);
    }

    [Fact]
    public void Route_123WithoutACallingUserLine_Is404() =>
        Assert.Equal(404, Assert.IsType<RouteRejected>(_router.Route(_alpha, "123")).StatusCode);

    [Fact]
    public void Route_NewSnapshotWithoutANumber_NoLongerRoutesIt()
    {
        var beta = _table.FindByDomain("beta.sip.test")!;
        _table.Apply(Snapshot(beta.TenantId, "beta.sip.test", version: 2, ("201", "+33199100000")));

        Assert.IsType<RouteToTrunk>(_router.Route(_alpha, "+33199100001"));
    }

    private static RoutingLineServices Services()
    {
        var off = new RoutingForward(false, "Voicemail", null);
        return new RoutingLineServices
        {
            CallerId = "LineNumber",
            CallbackOnBusy = false,
            Restriction = "NoRestriction",
            DoNotDisturb = false,
            RejectAnonymous = false,
            CallWaiting = true,
            DistinctiveRing = false,
            MultiRing = new RoutingMultiRing(false, "Simultaneous", [], 3),
            Greeting = new RoutingGreeting(false, "Predefined", true, null),
            HoldAnnouncement = new RoutingAnnouncement(true, "Predefined"),
            CallWaitingAnnouncement = new RoutingAnnouncement(true, "Predefined"),
            BlockedNumbers = [],
            Forwarding = new RoutingForwarding(off, off, off, 3, off, off, null),
            VoicemailNotification = new RoutingVoicemailNotification("Off", null, "Wav"),
        };
    }

    private static TenantRoutingChanged Snapshot(Guid tenantId, string domain, params (string Short, string Number)[] lines) =>
        Snapshot(tenantId, domain, 1, lines);

    private static TenantRoutingChanged Snapshot(Guid tenantId, string domain, long version, params (string Short, string Number)[] lines) => new()
    {
        TenantId = tenantId,
        MessageId = Guid.NewGuid(),
        Version = version,
        CompanyName = domain,
        Suspended = false,
        SipDomain = domain,
        TimeZone = "Europe/Paris",
        Lines = lines.Select(l => new RoutingLine { LineId = Guid.NewGuid(), Kind = "Fixed", PublicNumber = l.Number, ShortNumber = l.Short, DisplayName = l.Short }).ToList(),
        OccurredAt = new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc),
    };
}
