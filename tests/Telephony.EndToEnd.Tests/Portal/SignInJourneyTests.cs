using Microsoft.Playwright;
using Telephony.EndToEnd.Tests.Embedded;
using Telephony.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Telephony.EndToEnd.Tests.Portal;

/// <summary>The running platform with its mail going to a real SMTP server on loopback, and Chromium.</summary>
public sealed class PortalJourneyFixture : IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("telephony-e2e-portal").FullName;

    public EmbeddedHost Host { get; private set; } = null!;

    public SmtpSink Mail { get; private set; } = null!;

    public Browser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Mail = await SmtpSink.StartAsync();
        Host = EmbeddedHost.Start(_dataFolder, FreePorts.Take(5), new Dictionary<string, string>
        {
            ["Mail__SmtpHost"] = "127.0.0.1",
            ["Mail__SmtpPort"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail__PollInterval"] = "00:00:00.500",
            // Every journey signs in from 127.0.0.1: the per-address limit (tested in the Portal's
            // own tests) would otherwise refuse the journeys that run within the same minute.
            ["Portal__CredentialPostsPerMinute"] = "1000",
        });
        await Http.WaitForStatusAsync(Host.PortalUrl + "/health/ready", 200, TimeSpan.FromSeconds(60), Host.Process);
        Browser = await Browser.LaunchAsync();
    }

    /// <summary>A page of the demo company's manager, signed in.</summary>
    public async Task<Microsoft.Playwright.IPage> SignedInManagerAsync()
    {
        var (email, password) = await Host.ManagerLoginAsync();
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(Host.PortalUrl + "/sign-in");
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("company-name")).ToHaveTextAsync("Demo Company");
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Host.DisposeAsync();
        await Mail.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }
}

/// <summary>A-ROLES journeys: first sign-in from the invitation e-mail, "forgot your password?", the password rules.</summary>
public sealed class SignInJourneyTests(PortalJourneyFixture platform) : IClassFixture<PortalJourneyFixture>
{
    private const string NeighbourManager = "manager@neighbour.example.com";

    [Fact]
    public async Task InvitedManager_SetsThePasswordFromTheMailLink_AndLandsOnTheirCompany()
    {
        var invitation = await platform.Mail.WaitForAsync(NeighbourManager, "set your password");
        var page = await platform.Browser.NewPageAsync();
        await Browser.JourneyAsync(page, nameof(InvitedManager_SetsThePasswordFromTheMailLink_AndLandsOnTheirCompany), async () =>
        {
            await page.GotoAsync(invitation.Link(platform.Host.PortalUrl + "/set-password?token="));
            await Expect(page.GetByTestId("account-email")).ToHaveTextAsync(NeighbourManager);
            await page.GetByTestId("new-password").FillAsync("Neighbour-Phones-1");
            await page.GetByTestId("confirm-password").FillAsync("Neighbour-Phones-1");
            await page.GetByTestId("set-password-submit").ClickAsync();

            await Expect(page).ToHaveURLAsync(platform.Host.PortalUrl + "/manage");
            await Expect(page.GetByTestId("company-name")).ToHaveTextAsync("Neighbour Company");
            await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(NeighbourManager);

            await page.GetByTestId("sign-out").ClickAsync();
            await SignInAsync(page, NeighbourManager, "Neighbour-Phones-1");
            await Expect(page.GetByTestId("company-name")).ToHaveTextAsync("Neighbour Company");

            // The link worked once.
            await page.GotoAsync(invitation.Link(platform.Host.PortalUrl + "/set-password?token="));
            await Expect(page.GetByTestId("link-error")).ToContainTextAsync("expired or was already used");
        });
    }

    [Fact]
    public async Task ForgottenPassword_ResetByMailLink_OldPasswordNoLongerWorks()
    {
        var (email, oldPassword) = await platform.Host.ManagerLoginAsync();
        var page = await platform.Browser.NewPageAsync();
        await Browser.JourneyAsync(page, nameof(ForgottenPassword_ResetByMailLink_OldPasswordNoLongerWorks), async () =>
        {
            await page.GotoAsync(platform.Host.PortalUrl + "/sign-in");
            await page.GetByTestId("forgot-password-link").ClickAsync();
            await page.GetByTestId("email").FillAsync(email);
            await page.GetByTestId("forgot-password-submit").ClickAsync();
            await Expect(page.GetByTestId("reset-sent")).ToBeVisibleAsync();

            var reset = await platform.Mail.WaitForAsync(email, "Reset your");
            await page.GotoAsync(reset.Link(platform.Host.PortalUrl + "/set-password?token="));
            await page.GetByTestId("new-password").FillAsync("Demo-Reset-2026");
            await page.GetByTestId("confirm-password").FillAsync("Demo-Reset-2026");
            await page.GetByTestId("set-password-submit").ClickAsync();
            await Expect(page.GetByTestId("company-name")).ToHaveTextAsync("Demo Company");

            await page.GetByTestId("sign-out").ClickAsync();
            await page.GotoAsync(platform.Host.PortalUrl + "/sign-in");
            await page.GetByTestId("email").FillAsync(email);
            await page.GetByTestId("password").FillAsync(oldPassword);
            await page.GetByTestId("sign-in-submit").ClickAsync();
            await Expect(page.GetByTestId("password-error")).ToHaveTextAsync("The e-mail address or the password is wrong.");
        });
    }

    [Fact]
    public async Task WeakOrMismatchedPassword_IsExplainedNextToTheField()
    {
        var invitation = await platform.Mail.WaitForAsync("alice.martin@demo.example.com", "set your password");
        var page = await platform.Browser.NewPageAsync();
        await Browser.JourneyAsync(page, nameof(WeakOrMismatchedPassword_IsExplainedNextToTheField), async () =>
        {
            await page.GotoAsync(invitation.Link(platform.Host.PortalUrl + "/set-password?token="));
            await page.GetByTestId("new-password").FillAsync("short");
            await page.GetByTestId("confirm-password").FillAsync("short");
            await page.GetByTestId("set-password-submit").ClickAsync();
            await Expect(page.GetByTestId("password-error")).ToContainTextAsync("at least 10 characters");

            await page.GetByTestId("new-password").FillAsync("Alice-Phones-2026");
            await page.GetByTestId("confirm-password").FillAsync("Alice-Phones-2025");
            await page.GetByTestId("set-password-submit").ClickAsync();
            await Expect(page.GetByTestId("confirmation-error")).ToHaveTextAsync("The two passwords differ.");
        });
    }

    [Fact]
    public async Task User_FromTheInvitation_ChangesTheirOwnDnd_AndSeesManagerSettingsReadOnly()
    {
        var invitation = await platform.Mail.WaitForAsync("bruno.petit@demo.example.com", "set your password");
        var page = await platform.Browser.NewPageAsync();
        await Browser.JourneyAsync(page, nameof(User_FromTheInvitation_ChangesTheirOwnDnd_AndSeesManagerSettingsReadOnly), async () =>
        {
            await page.GotoAsync(invitation.Link(platform.Host.PortalUrl + "/set-password?token="));
            await page.GetByTestId("new-password").FillAsync("Bruno-Phones-2026");
            await page.GetByTestId("confirm-password").FillAsync("Bruno-Phones-2026");
            await page.GetByTestId("set-password-submit").ClickAsync();

            await Expect(page).ToHaveURLAsync(platform.Host.PortalUrl + "/me");
            await Expect(page.GetByTestId("my-line-title")).ToHaveTextAsync("Bruno Petit");
            await Expect(page.GetByTestId("manager-nav")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("dnd-state")).ToHaveTextAsync("Off");

            await page.GetByTestId("edit-incoming").ClickAsync();
            await page.GetByTestId("dnd").CheckAsync();
            await page.GetByTestId("incoming-submit").ClickAsync();
            await Expect(page.GetByTestId("dnd-state")).ToHaveTextAsync("On");

            // Manager-only settings: read-only for the user.
            await Expect(page.GetByTestId("edit-announcements")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("announcements-manager-only")).ToBeVisibleAsync();
            await page.GetByTestId("edit-outgoing").ClickAsync();
            await Expect(page.GetByTestId("restriction-readonly")).ToHaveValueAsync("No restriction");
            await Expect(page.GetByTestId("restriction")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("cli-number")).ToHaveAttributeAsync("readonly", "");
            await Expect(page.Locator("[data-testid=cli] option[value=Alternative]")).ToBeDisabledAsync();

            // The manager's pages are not theirs.
            await page.GotoAsync(platform.Host.PortalUrl + "/manage/lines");
            await Expect(page.GetByTestId("line-search")).ToHaveCountAsync(0);
        });
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByTestId("sign-in-link").ClickAsync();
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
    }
}
