using System.Security.Claims;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.HuntGroups;
using Telephony.Portal.Features.SignIn;
using Telephony.ServiceDefaults.Tenancy;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Features;

/// <summary>L-GROUPS (U): a user connects and disconnects their own line from its hunt groups, nothing more.</summary>
public sealed class HuntGroupPresenceTests : IAsyncLifetime
{
    private PortalStore _store = null!;
    private Tenant _tenant = null!;
    private Line _group = null!;
    private Line _alice = null!;
    private Line _bruno = null!;

    public async Task InitializeAsync()
    {
        _store = await PortalStore.SqliteAsync();
        (_tenant, var site) = await SeedTenantAsync(_store, "Alpha");
        await using var db = _store.Context(_tenant.Id);
        _group = await AddLineAsync(db, _tenant.Id, site.Id, "+33199000009", new LineIdentity(Name: "Accueil"), LineKind.HuntGroup);
        _alice = await AddLineAsync(db, _tenant.Id, site.Id, "+33199000000", Person("Alice", "Martin"));
        _bruno = await AddLineAsync(db, _tenant.Id, site.Id, "+33199000001", Person("Bruno", "Petit"));
        Assert.True((await Members(PortalRoles.Manager).SetMembersAsync(_group.Id, new HuntGroupMembersRequest([_alice.Id, _bruno.Id]), default)).Succeeded);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task User_DisconnectsOwnLine_FromTheGroup()
    {
        var groups = await Members(PortalRoles.User, _alice.Id).SetPresenceAsync(_group.Id, _alice.Id, new PresenceRequest(false), default);

        Assert.Equal([("Accueil", false)], groups.Value!.Select(g => (g.Name, g.Present)));
        Assert.True((await Members(PortalRoles.Manager).ListAsync(_group.Id, default)).Value!.Single(m => m.LineId == _bruno.Id).Present);
    }

    [Fact]
    public async Task User_AnotherMembersPresence_OrTheMemberList_IsNotFound()
    {
        var asAlice = Members(PortalRoles.User, _alice.Id);

        Assert.Equal(ErrorKind.NotFound, (await asAlice.SetPresenceAsync(_group.Id, _bruno.Id, new PresenceRequest(false), default)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await asAlice.ListAsync(_group.Id, default)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await asAlice.SetMembersAsync(_group.Id, new HuntGroupMembersRequest([_alice.Id]), default)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await asAlice.GroupsOfLineAsync(_bruno.Id, default)).Error!.Kind);
    }

    private HuntGroupMembers Members(string role, Guid? lineId = null)
    {
        var tenantContext = new TenantContext();
        tenantContext.Enter(_tenant.Id);
        return new(_store.Context(_tenant.Id), tenantContext, Actor.From(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, role), .. lineId is { } id ? [new Claim(PortalClaims.LineId, id.ToString())] : Array.Empty<Claim>()], "test"))), TimeProvider.System);
    }
}
