using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.SignIn;
using Telephony.ServiceDefaults.Tenancy;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Features;

/// <summary>A-ROLES: one-time links to set a password, from the invitation or "forgot your password?".</summary>
public sealed class SetPasswordTests : IAsyncLifetime
{
    private const string GoodPassword = "Blue-Phones-2026";
    private readonly PasswordHasher<PortalAccount> _hasher = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(Now));
    private PortalStore _store = null!;
    private Tenant _tenant = null!;
    private ManagerAccount _manager = null!;

    public async Task InitializeAsync()
    {
        _store = await PortalStore.SqliteAsync();
        (_tenant, _) = await SeedTenantAsync(_store, "Alpha");
        await using var db = _store.Context(_tenant.Id);
        _manager = ManagerAccount.Create(_tenant.Id, "boss@alpha.example.com", "Boss", Now);
        db.ManagerAccounts.Add(_manager);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task InvitationLink_SetsThePassword_ThenSignsIn_AndWorksOnlyOnce()
    {
        var link = await InviteAsync();

        Assert.Equal(_manager.Email, (await Run(s => s.OpenAsync(link, default))).Value!.Email);
        Assert.True((await Run(s => s.ExecuteAsync(link, GoodPassword, GoodPassword, default))).Succeeded);

        Assert.True((await SignInAsync(GoodPassword)).Succeeded);
        Assert.Equal("password.link", (await Run(s => s.ExecuteAsync(link, "Another-Pass-99", "Another-Pass-99", default))).Error!.Code);
        Assert.Equal("password.link", (await Run(s => s.OpenAsync(link, default))).Error!.Code);
    }

    [Fact]
    public async Task InvitationLink_After7Days_HasExpired()
    {
        var link = await InviteAsync();
        _time.Advance(AccountToken.InvitationLifetime);

        Assert.Equal("password.link", (await Run(s => s.ExecuteAsync(link, GoodPassword, GoodPassword, default))).Error!.Code);
    }

    [Theory]
    [InlineData("short1!")]
    [InlineData("onlyletterslong")]
    [InlineData("1234567890")]
    [InlineData("aaaaaaaaa1")]
    [InlineData("boss@alpha.example.com1")]
    public async Task WeakPassword_IsRefusedAndTheLinkStillWorks(string password)
    {
        var link = await InviteAsync();

        Assert.Equal("password.weak", (await Run(s => s.ExecuteAsync(link, password, password, default))).Error!.Code);
        Assert.True((await Run(s => s.OpenAsync(link, default))).Succeeded);
    }

    [Fact]
    public async Task DifferentConfirmation_IsRefusedOnThatField()
    {
        var link = await InviteAsync();

        var error = (await Run(s => s.ExecuteAsync(link, GoodPassword, GoodPassword + "x", default))).Error!;

        Assert.Equal("Confirmation", error.Field);
    }

    [Fact]
    public async Task ResetLink_LiftsALockout_AndEndsOlderLinks()
    {
        var invitation = await InviteAsync();
        Assert.True((await Run(s => s.ExecuteAsync(invitation, GoodPassword, GoodPassword, default))).Succeeded);
        for (var i = 0; i < PortalAccount.LockoutThreshold; i++)
        {
            await SignInAsync("wrong password 1");
        }

        Assert.Equal("sign-in.locked", (await SignInAsync(GoodPassword)).Error!.Code);
        var first = await RequestResetAsync();
        _time.Advance(TimeSpan.FromMinutes(3));
        var second = await RequestResetAsync();

        Assert.True((await Run(s => s.ExecuteAsync(second, "New-Phones-2027", "New-Phones-2027", default))).Succeeded);
        Assert.True((await SignInAsync("New-Phones-2027")).Succeeded);
        Assert.Equal("password.link", (await Run(s => s.OpenAsync(first, default))).Error!.Code);
    }

    [Fact]
    public async Task ResetRequest_ForUnknownLogin_SendsNothing_AndRepeatsWithinTwoMinutesAreIgnored()
    {
        await Reset("nobody@alpha.example.com");
        await Reset(_manager.Email);
        await Reset(_manager.Email);

        await using var db = _store.Context();
        Assert.Equal([_manager.Email], await db.OutgoingMails.Select(m => m.To).ToListAsync());
    }

    private async Task<string> InviteAsync()
    {
        await using (var db = _store.Context(_tenant.Id))
        {
            var manager = await db.ManagerAccounts.SingleAsync();
            Mail(db).StageInvitation(manager, _tenant.CompanyName);
            await db.SaveChangesAsync();
        }

        return await LatestLinkAsync();
    }

    private async Task<string> RequestResetAsync()
    {
        await Reset(_manager.Email);
        return await LatestLinkAsync();
    }

    private async Task Reset(string email)
    {
        var tenant = new TenantContext();
        await using var db = _store.Context(tenant);
        await new RequestPasswordReset(db, Mail(db), _time).ExecuteAsync(email, default);
    }

    private async Task<string> LatestLinkAsync()
    {
        await using var db = _store.Context();
        var body = (await db.OutgoingMails.ToListAsync()).OrderBy(m => m.CreatedAt).Last().TextBody;
        return System.Text.RegularExpressions.Regex.Match(body, @"token=(\S+)").Groups[1].Value;
    }

    private AccountMail Mail(Telephony.Portal.Infrastructure.Persistence.PortalDbContext db) =>
        new(db, _time, Options.Create(new PortalOptions()));

    private async Task<T> Run<T>(Func<SetPassword, Task<T>> action)
    {
        var tenant = new TenantContext();
        await using var db = _store.Context(tenant);
        return await action(new SetPassword(db, tenant, _hasher, _time));
    }

    private async Task<Telephony.Portal.Domain.Result<System.Security.Claims.ClaimsPrincipal>> SignInAsync(string password)
    {
        var tenant = new TenantContext();
        await using var db = _store.Context(tenant);
        return await new SignInAccount(db, tenant, _hasher, _time).ExecuteAsync(_manager.Email, password, default);
    }
}
