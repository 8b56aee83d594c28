using System.Diagnostics;
using Microsoft.Playwright;
using Telephony.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Telephony.EndToEnd.Tests.Embedded;

/// <summary>
/// ./run.sh's promise: on a fresh data folder the four services answer ready within 60 s, the
/// printed manager credentials sign in to the portal in a real browser, the printed SIP
/// accounts are complete, Ctrl-C stops cleanly, and a second run reuses the data.
/// </summary>
public sealed class EmbeddedHostTests : IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("telephony-e2e").FullName;
    private readonly int[] _ports = FreePorts.Take(5);
    private Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task FreshStart_ReadyOnFourPortsWithin60Seconds_AndPrintsCredentialsThatSignIn()
    {
        var clock = Stopwatch.StartNew();
        await using var host = EmbeddedHost.Start(_dataFolder, _ports);
        foreach (var port in _ports[..4])
        {
            await Http.WaitForStatusAsync($"http://127.0.0.1:{port}/health/ready", 200, TimeSpan.FromSeconds(60) - clock.Elapsed, host.Process);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"ready after {clock.Elapsed}");
        var (email, password) = await host.ManagerLoginAsync();
        await host.PrintedLineAsync(EmbeddedHost.SipServer());
        var sipAccounts = await host.SipAccountLinesAsync();
        Assert.Equal(3, sipAccounts.Count);
        Assert.Equal(["201", "202", "203"], sipAccounts.Select(l => EmbeddedHost.SipAccount().Match(l).Groups["short"].Value).Order());

        var page = await _browser.NewPageAsync();
        await Browser.JourneyAsync(page, nameof(FreshStart_ReadyOnFourPortsWithin60Seconds_AndPrintsCredentialsThatSignIn), async () =>
        {
            await SignInAsync(page, host.PortalUrl, email, password);
            await Expect(page.GetByTestId("company-name")).ToHaveTextAsync("Demo Company");
            await Expect(page.GetByTestId("lines").Locator("tbody tr")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("plan-Fixed")).ToContainTextAsync("10");
        });
    }

    [Fact]
    public async Task SecondRun_OnTheSameData_ReusesTenantCredentialsAndSessions_AndCtrlCStopsCleanly()
    {
        List<string> firstAccounts;
        (string Email, string Password) firstLogin;
        var page = await _browser.NewPageAsync();
        await using (var first = EmbeddedHost.Start(_dataFolder, _ports))
        {
            firstLogin = await first.ManagerLoginAsync();
            firstAccounts = await first.SipAccountLinesAsync();
            await Browser.JourneyAsync(page, "first-run-sign-in", () => SignInAsync(page, first.PortalUrl, firstLogin.Email, firstLogin.Password));

            first.Process.Interrupt();
            Assert.True(await first.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)), "Ctrl-C did not stop the host:\n" + first.Process.Describe());
            Assert.Equal(0, first.Process.ExitCode);
        }

        await using var second = EmbeddedHost.Start(_dataFolder, _ports);
        Assert.Equal(firstLogin, await second.ManagerLoginAsync());
        Assert.Equal(firstAccounts, await second.SipAccountLinesAsync());
        Assert.Contains(second.Process.Output, l => l.Contains("PortalDbContext schema up to date; applied 0 migration(s)", StringComparison.Ordinal));

        // The key ring is in the database: the first run's session cookie is still valid.
        await Browser.JourneyAsync(page, "second-run-session", async () =>
        {
            await page.GotoAsync(second.PortalUrl + "/manage");
            await Expect(page.GetByTestId("company-name")).ToHaveTextAsync("Demo Company");
        });
    }

    [Fact]
    public async Task HomePage_InChromium_RendersAndWrongPasswordIsShownNextToTheField()
    {
        await using var host = EmbeddedHost.Start(_dataFolder, _ports);
        await Http.WaitForStatusAsync(host.PortalUrl + "/health/ready", 200, TimeSpan.FromSeconds(60), host.Process);
        var (email, _) = await host.ManagerLoginAsync();

        var page = await _browser.NewPageAsync();
        await Browser.JourneyAsync(page, nameof(HomePage_InChromium_RendersAndWrongPasswordIsShownNextToTheField), async () =>
        {
            var response = await page.GotoAsync(host.PortalUrl + "/");
            Assert.Equal(200, response!.Status);
            await Expect(page.GetByTestId("home")).ToBeVisibleAsync();
            await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Telephony"));

            await page.GetByTestId("home-sign-in").ClickAsync();
            await page.GetByTestId("email").FillAsync(email);
            await page.GetByTestId("password").FillAsync("not the password");
            await page.GetByTestId("sign-in-submit").ClickAsync();
            await Expect(page.GetByTestId("password-error")).ToHaveTextAsync("The e-mail address or the password is wrong.");
            await Expect(page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task ManagePage_WithoutSigningIn_RedirectsToSignIn()
    {
        await using var host = EmbeddedHost.Start(_dataFolder, _ports);
        await Http.WaitForStatusAsync(host.PortalUrl + "/health/ready", 200, TimeSpan.FromSeconds(60), host.Process);

        var page = await _browser.NewPageAsync();
        await Browser.JourneyAsync(page, nameof(ManagePage_WithoutSigningIn_RedirectsToSignIn), async () =>
        {
            await page.GotoAsync(host.PortalUrl + "/manage");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in\\?ReturnUrl=%2Fmanage$"));
            await Expect(page.GetByTestId("sign-in-form")).ToBeVisibleAsync();
        });
    }

    private static async Task SignInAsync(IPage page, string portalUrl, string email, string password)
    {
        await page.GotoAsync(portalUrl + "/sign-in");
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(portalUrl + "/manage");
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(email);
    }
}
