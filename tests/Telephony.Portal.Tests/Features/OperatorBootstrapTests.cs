using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Features;

/// <summary>T-OPERATOR, A-ROLES: the first operator comes from <c>Portal:OperatorEmail</c>, invited by e-mail, once.</summary>
public sealed class OperatorBootstrapTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(Now));
    private PortalStore _store = null!;
    private Tenant _tenant = null!;

    public async Task InitializeAsync()
    {
        _store = await PortalStore.SqliteAsync();
        (_tenant, _) = await SeedTenantAsync(_store, "Alpha");
        await using var db = _store.Context(_tenant.Id);
        db.ManagerAccounts.Add(ManagerAccount.Create(_tenant.Id, "boss@alpha.example.com", "Boss", Now));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Ensure_NoOperatorYet_CreatesTheAccountWithoutPassword_AndQueuesItsInvitation()
    {
        Assert.Equal(OperatorBootstrapOutcome.Invited, await EnsureAsync(" Operator@Platform.Example.com "));

        await using var db = _store.Context();
        var account = await db.OperatorAccounts.SingleAsync();
        Assert.Equal(("operator@platform.example.com", null), (account.Email, account.PasswordHash));
        var mail = await db.OutgoingMails.SingleAsync();
        Assert.Equal(("operator@platform.example.com", null), (mail.To, mail.TenantId));
        Assert.Contains("set-password?token=", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("operator account", mail.TextBody, StringComparison.Ordinal);
        var token = await db.AccountTokens.SingleAsync();
        Assert.Equal((AccountKind.Operator, account.Id, AccountTokenPurpose.Invitation), (token.AccountKind, token.AccountId, token.Purpose));
    }

    [Fact]
    public async Task Ensure_OnEveryLaterStart_CreatesNothingMore_EvenWithAnotherAddress()
    {
        await EnsureAsync("operator@platform.example.com");

        Assert.Equal(OperatorBootstrapOutcome.OperatorExists, await EnsureAsync("operator@platform.example.com"));
        Assert.Equal(OperatorBootstrapOutcome.OperatorExists, await EnsureAsync("someone.else@platform.example.com"));

        await using var db = _store.Context();
        Assert.Equal(1, await db.OperatorAccounts.CountAsync());
        Assert.Equal(1, await db.OutgoingMails.CountAsync());
    }

    [Fact]
    public async Task Ensure_AddressIsACompanyLogin_CreatesNothing()
    {
        Assert.Equal(OperatorBootstrapOutcome.LoginTaken, await EnsureAsync("BOSS@alpha.example.com"));

        await using var db = _store.Context();
        Assert.False(await db.OperatorAccounts.AnyAsync());
        Assert.False(await db.OutgoingMails.AnyAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public async Task Ensure_NotConfigured_CreatesNothing(string? email)
    {
        Assert.Equal(OperatorBootstrapOutcome.NotConfigured, await EnsureAsync(email));

        await using var db = _store.Context();
        Assert.False(await db.OperatorAccounts.AnyAsync());
    }

    [Fact]
    public async Task InvitedOperator_SetsThePassword_AndSignsInAsOperator_LandingOnTheCompanies()
    {
        await EnsureAsync("operator@platform.example.com");
        string link;
        await using (var db = _store.Context())
        {
            link = System.Text.RegularExpressions.Regex.Match((await db.OutgoingMails.SingleAsync()).TextBody, @"token=(\S+)").Groups[1].Value;
        }

        var hasher = new PasswordHasher<PortalAccount>();
        var tenant = new TenantContext();
        await using (var db = _store.Context(tenant))
        {
            Assert.True((await new SetPassword(db, tenant, hasher, _time).ExecuteAsync(link, "Operator-Console-1", "Operator-Console-1", default)).Succeeded);
        }

        await using (var db = _store.Context(tenant))
        {
            var principal = (await new SignInAccount(db, tenant, hasher, _time).ExecuteAsync("operator@platform.example.com", "Operator-Console-1", default)).Value!;
            Assert.True(principal.IsInRole(PortalRoles.Operator));
            Assert.Null(principal.FindFirst(PortalClaims.TenantId));
            Assert.Equal("/operator/companies", PortalHome.For(principal));
        }
    }

    /// <summary>Through the host: the option creates the operator at start and the invitation reaches a real SMTP server.</summary>
    [Fact]
    public async Task PortalStart_WithOperatorEmail_MailsTheInvitation_WhoseLinkOpensThePasswordPage()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var host = await PortalApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Portal:OperatorEmail"] = "operator@platform.example.com",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:PollInterval"] = "00:00:00.500",
        });

        var mail = await sink.WaitForAsync("operator@platform.example.com", "set your password");
        using var client = host.Client();
        var page = await client.GetAsync(mail.Link(host.BaseAddress + "set-password?token="));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("operator@platform.example.com", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await host.InScopeAsync(null, s => s.GetRequiredService<PortalDbContext>().OperatorAccounts.CountAsync()));
    }

    private async Task<OperatorBootstrapOutcome> EnsureAsync(string? email)
    {
        await using var db = _store.Context();
        return await new OperatorBootstrap(db, new AccountMail(db, _time, Options.Create(new PortalOptions())), _time).EnsureAsync(email, default);
    }
}
