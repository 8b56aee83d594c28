using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.SignIn;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Features;

public sealed class SignInAccountTests : IAsyncLifetime
{
    private readonly PasswordHasher<PortalAccount> _hasher = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(Now));
    private PortalStore _store = null!;
    private Tenant _tenant = null!;

    public async Task InitializeAsync()
    {
        _store = await PortalStore.SqliteAsync();
        (_tenant, _) = await SeedTenantAsync(_store, "Alpha");
        await using var db = _store.Context(_tenant.Id);
        var manager = ManagerAccount.Create(_tenant.Id, "Boss@Alpha.example", "Boss", Now);
        manager.SetPasswordHash(_hasher.HashPassword(manager, "correct horse battery"));
        db.ManagerAccounts.Add(manager);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Execute_ManagerWithRightPassword_GetsManagerRoleAndTenant()
    {
        var result = await SignInAsync(" boss@alpha.EXAMPLE ", "correct horse battery");

        Assert.True(result.Succeeded);
        Assert.True(result.Value!.IsInRole(PortalRoles.Manager));
        Assert.Equal(_tenant.Id.ToString(), result.Value.FindFirst(PortalClaims.TenantId)!.Value);
    }

    [Theory]
    [InlineData("boss@alpha.example", "wrong")]
    [InlineData("nobody@alpha.example", "correct horse battery")]
    public async Task Execute_WrongEmailOrPassword_GivesTheSameError(string email, string password)
    {
        var result = await SignInAsync(email, password);

        Assert.Equal("sign-in.invalid", result.Error!.Code);
    }

    [Fact]
    public async Task Execute_SuspendedTenant_IsRefused()
    {
        await using (var db = _store.Context(_tenant.Id))
        {
            (await db.Tenants.SingleAsync(t => t.Id == _tenant.Id)).Suspend();
            await db.SaveChangesAsync();
        }

        var result = await SignInAsync("boss@alpha.example", "correct horse battery");

        Assert.Equal("sign-in.suspended", result.Error!.Code);
    }

    [Fact]
    public async Task Execute_FifthWrongPasswordInARow_LocksTheAccountFor15Minutes()
    {
        for (var i = 0; i < PortalAccount.LockoutThreshold; i++)
        {
            Assert.Equal("sign-in.invalid", (await SignInAsync("boss@alpha.example", "wrong")).Error!.Code);
        }

        var locked = await SignInAsync("boss@alpha.example", "correct horse battery");
        Assert.Equal("sign-in.locked", locked.Error!.Code);
        Assert.Contains("15 more minute", locked.Error.Message, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.True((await SignInAsync("boss@alpha.example", "correct horse battery")).Succeeded);
    }

    [Fact]
    public async Task Execute_RightPassword_ResetsTheFailureCount()
    {
        for (var i = 0; i < PortalAccount.LockoutThreshold - 1; i++)
        {
            await SignInAsync("boss@alpha.example", "wrong");
        }

        Assert.True((await SignInAsync("boss@alpha.example", "correct horse battery")).Succeeded);
        Assert.Equal("sign-in.invalid", (await SignInAsync("boss@alpha.example", "wrong")).Error!.Code);
        Assert.True((await SignInAsync("boss@alpha.example", "correct horse battery")).Succeeded);
    }

    private async Task<Telephony.Portal.Domain.Result<System.Security.Claims.ClaimsPrincipal>> SignInAsync(string email, string password)
    {
        var tenant = new Telephony.ServiceDefaults.Tenancy.TenantContext();
        await using var db = _store.Context(tenant);
        return await new SignInAccount(db, tenant, _hasher, _time).ExecuteAsync(email, password, CancellationToken.None);
    }
}
