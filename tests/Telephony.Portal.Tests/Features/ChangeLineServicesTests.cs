using System.Security.Claims;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.SignIn;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Features;

/// <summary>Section 12: a user changes only what section 4 marks (U), on their own line.</summary>
public sealed class ChangeLineServicesTests : IAsyncLifetime
{
    private PortalStore _store = null!;
    private Tenant _tenant = null!;
    private Site _site = null!;
    private Line _alice = null!;
    private Line _bruno = null!;

    public async Task InitializeAsync()
    {
        _store = await PortalStore.SqliteAsync();
        (_tenant, _site) = await SeedTenantAsync(_store, "Alpha");
        await using var db = _store.Context(_tenant.Id);
        _alice = await AddLineAsync(db, _tenant.Id, _site.Id, "+33199000000", Person("Alice", "Martin", "201"));
        _bruno = await AddLineAsync(db, _tenant.Id, _site.Id, "+33199000001", Person("Bruno", "Petit", "202"));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task User_ChangesOwnDndAndForwarding()
    {
        var asAlice = ForUser(_alice);

        Assert.True((await asAlice.IncomingCallsAsync(_alice.Id, new IncomingCalls { DoNotDisturb = true }, default)).Value!.Incoming.DoNotDisturb);
        Assert.True((await asAlice.ForwardingAsync(_alice.Id, new Forwarding { Immediate = new Forward(true, ForwardTarget.Number, "0612345678") }, default)).Succeeded);
        Assert.True((await asAlice.BlockNumberAsync(_alice.Id, new BlockNumberRequest("0612345678"), default)).Succeeded);
        Assert.True((await asAlice.OutgoingCallsAsync(_alice.Id, new OutgoingCalls { CallerId = CallerIdMode.Hidden, CallbackOnBusy = false }, default)).Succeeded);
    }

    [Fact]
    public async Task User_ChangingTheRestrictionProfile_IsForbiddenAndNothingIsSaved()
    {
        var result = await ForUser(_alice).OutgoingCallsAsync(_alice.Id, new OutgoingCalls { Restriction = RestrictionProfile.NoRestriction, CallerId = CallerIdMode.Hidden }, default);
        Assert.True(result.Succeeded); // the restriction is unchanged (still the default): allowed

        var refused = await ForUser(_alice).OutgoingCallsAsync(_alice.Id, new OutgoingCalls { Restriction = RestrictionProfile.InternalAllWeek }, default);

        Assert.Equal((ErrorKind.Forbidden, "Restriction"), (refused.Error!.Kind, refused.Error.Field));
        Assert.Equal(RestrictionProfile.NoRestriction, (await Manager().GetAsync(_alice.Id, default)).Value!.Outgoing.Restriction);
    }

    [Fact]
    public async Task User_PresentingAnotherNumber_IsForbidden()
    {
        var refused = await ForUser(_alice).OutgoingCallsAsync(_alice.Id, new OutgoingCalls { CallerId = CallerIdMode.Alternative, AlternativeNumber = "0199000009" }, default);

        Assert.Equal(ErrorKind.Forbidden, refused.Error!.Kind);
        Assert.NotEmpty(refused.Error.MessagesFor("CallerId"));
    }

    [Fact]
    public async Task User_AlternativeSetByTheManager_CannotBeReplacedByTheUser()
    {
        Assert.True((await Manager().OutgoingCallsAsync(_alice.Id, new OutgoingCalls { CallerId = CallerIdMode.Alternative, AlternativeNumber = "0199000009" }, default)).Succeeded);

        var refused = await ForUser(_alice).OutgoingCallsAsync(_alice.Id, new OutgoingCalls { CallerId = CallerIdMode.Hidden }, default);

        Assert.Equal(ErrorKind.Forbidden, refused.Error!.Kind);
        Assert.True((await ForUser(_alice).OutgoingCallsAsync(_alice.Id, new OutgoingCalls { CallerId = CallerIdMode.Alternative, AlternativeNumber = "+33199000009", CallbackOnBusy = false }, default)).Succeeded);
    }

    [Fact]
    public async Task User_Announcements_AreManagerOnly()
    {
        var refused = await ForUser(_alice).AnnouncementsAsync(_alice.Id, new LineAnnouncements { Greeting = new Greeting { Enabled = true } }, default);

        Assert.Equal(ErrorKind.Forbidden, refused.Error!.Kind);
        Assert.True((await Manager().AnnouncementsAsync(_alice.Id, new LineAnnouncements { Greeting = new Greeting { Enabled = true } }, default)).Succeeded);
    }

    [Fact]
    public async Task User_AnotherLine_IsNotFound()
    {
        var asAlice = ForUser(_alice);

        Assert.Equal(ErrorKind.NotFound, (await asAlice.GetAsync(_bruno.Id, default)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await asAlice.IncomingCallsAsync(_bruno.Id, new IncomingCalls { DoNotDisturb = true }, default)).Error!.Kind);
        Assert.False((await Manager().GetAsync(_bruno.Id, default)).Value!.Incoming.DoNotDisturb);
    }

    private ChangeLineServices ForUser(Line line) =>
        new(_store.Context(_tenant.Id), Actor.From(Principal(PortalRoles.User, new Claim(PortalClaims.LineId, line.Id.ToString()))));

    private ChangeLineServices Manager() => new(_store.Context(_tenant.Id), Actor.From(Principal(PortalRoles.Manager)));

    private static ClaimsPrincipal Principal(string role, params Claim[] claims) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role), .. claims], "test"));
}
