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
    private readonly PasswordHasher<IPortalAccount> _hasher = new();
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

    private async Task<Telephony.Portal.Domain.Result<System.Security.Claims.ClaimsPrincipal>> SignInAsync(string email, string password)
    {
        await using var db = _store.Context();
        return await new SignInAccount(db, _hasher).ExecuteAsync(email, password, CancellationToken.None);
    }
}
