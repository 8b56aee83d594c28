using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Portal.Features.Tenants;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.Portal.Tests.Api;
using Telephony.TestSupport;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Infrastructure;

/// <summary>N-EMAIL and A-ROLES over a real SMTP server on loopback: invitations go out, survive a relay outage, and their link opens the password page.</summary>
public sealed class MailDeliveryTests
{
    [Fact]
    public async Task NewCompany_FirstManagerGetsAnInvitation_WhoseLinkOpensThePasswordPage()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var host = await StartAsync(sink.Port);

        await CreateCompanyAsync(host, "Invited Co", "first.boss@invited.example.com");

        var mail = await sink.WaitForAsync("first.boss@invited.example.com", "set your password");
        Assert.Contains("Invited Co", mail.Body, StringComparison.Ordinal);
        var link = mail.Link(host.BaseAddress + "set-password?token=");
        using var client = host.Client();
        var page = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("first.boss@invited.example.com", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(link + "x")).StatusCode);
    }

    [Fact]
    public async Task RelayDown_TheMailIsRetried_AndDeliveredOnceTheRelayIsBack()
    {
        var port = FreePorts.Take(1)[0];
        await using var host = await StartAsync(port);
        await CreateCompanyAsync(host, "Patient Co", "patient.boss@patient.example.com");
        await Eventually.TrueAsync(
            () => host.InScopeAsync(null, async s => await s.GetRequiredService<PortalDbContext>().OutgoingMails.AnyAsync(m => m.Attempts > 0 && m.LastError != null && m.SentAt == null)),
            TimeSpan.FromSeconds(30),
            "a failed delivery attempt while the relay is down");

        await using var sink = await SmtpSink.StartAsync(port);

        await sink.WaitForAsync("patient.boss@patient.example.com", "set your password", timeout: TimeSpan.FromSeconds(60));
        Assert.True(await host.InScopeAsync(null, async s => await s.GetRequiredService<PortalDbContext>().OutgoingMails.AllAsync(m => m.SentAt != null)));
    }

    [Fact]
    public async Task CredentialForms_BeyondTheLimitPerAddress_Get429()
    {
        await using var host = await PortalApiHost.StartAsync(new Dictionary<string, string?> { ["Portal:CredentialPostsPerMinute"] = "3" });
        using var client = host.Client();

        for (var i = 0; i < 3; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.com", ["Input.Password"] = "guess" + i });
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync("/sign-in", form)).StatusCode);
        }

        using var fourth = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.com" });
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/forgot-password", fourth)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sign-in")).StatusCode);
    }

    private static Task<PortalApiHost> StartAsync(int smtpPort) =>
        PortalApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:PollInterval"] = "00:00:00.500",
            ["Logging:LogLevel:Telephony.Portal.Infrastructure.Mail"] = "Error",
        });

    private static async Task CreateCompanyAsync(PortalApiHost host, string name, string managerEmail)
    {
        using var op = host.Client(await host.OperatorTokenAsync());
        await OkAsync<TenantDetail>(await op.PostJsonAsync("/api/v1/operator/tenants", new { companyName = name, firstManagerEmail = managerEmail, firstManagerName = "Boss", plans = new { Fixed = 1 }, options = new { } }), HttpStatusCode.Created);
    }
}
