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

/// <summary>L-KEYS and section 12: the user of a line changes its shortcut keys, never its supervision keys.</summary>
public sealed class LineKeysTests : IAsyncLifetime
{
    /// <summary>The Yealink T54W of the seeded catalogue.</summary>
    private static readonly Guid T54W = Guid.Parse("9e1e0000-0000-4000-8000-000000000004");

    private PortalStore _store = null!;
    private Tenant _tenant = null!;
    private Line _alice = null!;
    private Line _bruno = null!;

    public async Task InitializeAsync()
    {
        _store = await PortalStore.SqliteAsync();
        (_tenant, var site) = await SeedTenantAsync(_store, "Alpha");
        await using var db = _store.Context(_tenant.Id);
        _alice = await AddLineAsync(db, _tenant.Id, site.Id, "+33199000000", Person("Alice", "Martin", "201"));
        _bruno = await AddLineAsync(db, _tenant.Id, site.Id, "+33199000001", Person("Bruno", "Petit", "202"));
        Assert.True((await new LineHardware(db).SetAsync(_alice.Id, new HardwareRequest(T54W, null), default)).Succeeded);
        Assert.True((await Keys(PortalRoles.Manager).AddAsync(_alice.Id, new ProgrammableKey(KeyKind.Supervision, _bruno.Id), default)).Succeeded);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task User_AddsMovesAndDeletesShortcutKeys()
    {
        var asAlice = Keys(PortalRoles.User, _alice.Id);

        Assert.True((await asAlice.AddAsync(_alice.Id, new ProgrammableKey(KeyKind.Shortcut, Label: "Home", Number: "0612345678"), default)).Succeeded);
        Assert.True((await asAlice.AddAsync(_alice.Id, ProgrammableKey.Pickup, default)).Succeeded);
        var moved = (await asAlice.MoveAsync(_alice.Id, 3, -1, default)).Value!;

        Assert.Equal([KeyKind.Supervision, KeyKind.Pickup, KeyKind.Shortcut], moved.Keys.Select(k => k.Kind));
        Assert.Equal(["Bruno Petit", "Home"], (await asAlice.RemoveAsync(_alice.Id, 2, default)).Value!.Keys.Select(k => k.Label));
    }

    [Fact]
    public async Task User_ChangingSupervisionKeys_IsForbiddenAndNothingIsSaved()
    {
        var asAlice = Keys(PortalRoles.User, _alice.Id);

        var removed = await asAlice.RemoveAsync(_alice.Id, 1, default);
        var reset = await asAlice.ChangeAsync(_alice.Id, new KeysRequest([]), default);

        Assert.Equal((ErrorKind.Forbidden, "Keys"), (removed.Error!.Kind, removed.Error.Field));
        Assert.Equal(ErrorKind.Forbidden, reset.Error!.Kind);
        Assert.Single((await Keys(PortalRoles.Manager).GetAsync(_alice.Id, default)).Value!.Keys);
    }

    [Fact]
    public async Task User_AnotherLinesKeys_AreNotFound()
    {
        var asBruno = Keys(PortalRoles.User, _bruno.Id);

        Assert.Equal(ErrorKind.NotFound, (await asBruno.GetAsync(_alice.Id, default)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await asBruno.AddAsync(_alice.Id, ProgrammableKey.Pickup, default)).Error!.Kind);
    }

    private LineKeys Keys(string role, Guid? lineId = null) =>
        new(_store.Context(_tenant.Id), Actor.From(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, role), .. lineId is { } id ? [new Claim(PortalClaims.LineId, id.ToString())] : Array.Empty<Claim>()], "test"))));
}
