using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Telephony.EndToEnd.Tests.Portal;

/// <summary>
/// The platform with its mail on loopback and Chromium, plus the operator's password: the
/// embedded host creates the operator from <c>Portal:OperatorEmail</c> and mails an
/// invitation; the first journey that needs the operator follows it once.
/// </summary>
public sealed class OperatorJourneyFixture : IAsyncLifetime
{
    public const string OperatorEmail = "operator@platform.localhost";
    public const string OperatorPassword = "Operator-Console-1";

    private readonly SemaphoreSlim _invitation = new(1, 1);
    private bool _passwordSet;

    public PortalJourneyFixture Platform { get; } = new();

    public Task InitializeAsync() => Platform.InitializeAsync();

    public Task DisposeAsync() => Platform.DisposeAsync();

    /// <summary>The operator's password, chosen (the first time) from the invitation e-mail in Chromium.</summary>
    public async Task EnsureOperatorPasswordAsync()
    {
        await _invitation.WaitAsync();
        try
        {
            if (_passwordSet)
            {
                return;
            }

            var invitation = await Platform.Mail.WaitForAsync(OperatorEmail, "set your password");
            var page = await Platform.Browser.NewPageAsync();
            await Browser.JourneyAsync(page, "operator-invitation", async () =>
            {
                await page.GotoAsync(invitation.Link(Platform.Host.PortalUrl + "/set-password?token="));
                await Expect(page.GetByTestId("account-email")).ToHaveTextAsync(OperatorEmail);
                await page.GetByTestId("new-password").FillAsync(OperatorPassword);
                await page.GetByTestId("confirm-password").FillAsync(OperatorPassword);
                await page.GetByTestId("set-password-submit").ClickAsync();
                await Expect(page).ToHaveURLAsync(Platform.Host.PortalUrl + "/operator/companies");
            });
            await page.Context.CloseAsync();
            _passwordSet = true;
        }
        finally
        {
            _invitation.Release();
        }
    }
}

/// <summary>T-OPERATOR, T-SUSPEND: the operator console in Chromium — companies and their subscriptions, number pools, the phone catalogue.</summary>
public sealed class OperatorJourneyTests(OperatorJourneyFixture console) : IClassFixture<OperatorJourneyFixture>
{
    private PortalJourneyFixture Platform => console.Platform;

    [Fact]
    public async Task CreateACompanyWithQuotas_ChangeItsQuota_SuspendAndReactivateIt()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(CreateACompanyWithQuotas_ChangeItsQuota_SuspendAndReactivateIt), async () =>
        {
            await page.GetByTestId("new-company").ClickAsync();
            await page.GetByTestId("company-name-input").FillAsync("Journey Company");
            await page.GetByTestId("legal-id").FillAsync("552100554");
            await page.GetByTestId("manager-name").FillAsync("Jade Lefèvre");
            await page.GetByTestId("manager-email").FillAsync("jade at journey");
            await page.GetByTestId("plans-Fixed").FillAsync("-1");
            await page.GetByTestId("plans-HuntGroup").FillAsync("1");
            await page.GetByTestId("options-Collaboration").FillAsync("2");
            await page.GetByTestId("create-company-submit").ClickAsync();

            await Expect(page.GetByTestId("manager-email-error")).ToHaveTextAsync("A valid e-mail address is required: it is the manager's login.");
            await Expect(page.GetByTestId("plans-Fixed-error")).ToHaveTextAsync("A plan quantity is between 0 and 100000.");
            await Expect(page.GetByTestId("company-name-input")).ToHaveValueAsync("Journey Company");

            // Logins are unique across the platform: the demo company's manager cannot be this one's.
            await page.GetByTestId("manager-email").FillAsync("manager@demo.example.com");
            await page.GetByTestId("plans-Fixed").FillAsync("5");
            await page.GetByTestId("create-company-submit").ClickAsync();
            await Expect(page.GetByTestId("manager-email-error")).ToHaveTextAsync("This e-mail address is already used by another account.");

            await page.GetByTestId("manager-email").FillAsync("jade@journey.example.com");
            await page.GetByTestId("create-company-submit").ClickAsync();
            await Expect(page.GetByTestId("company-title")).ToHaveTextAsync("Journey Company");
            await Expect(page.GetByTestId("company-created")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("company-status")).ToHaveTextAsync("Active");
            await Expect(page.GetByTestId("company-managers")).ToHaveTextAsync("jade@journey.example.com");
            await Expect(page.GetByTestId("plans-Fixed")).ToHaveValueAsync("5");
            await Expect(page.GetByTestId("plans-HuntGroup")).ToHaveValueAsync("1");
            await Expect(page.GetByTestId("options-Collaboration")).ToHaveValueAsync("2");

            await page.GetByTestId("plans-Fixed").FillAsync("8");
            await page.GetByTestId("subscription-submit").ClickAsync();
            await Expect(page.GetByTestId("subscription-saved")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("plans-Fixed")).ToHaveValueAsync("8");

            // The new manager, from their invitation, sees what the operator sold them.
            var manager = await Platform.Browser.NewPageAsync();
            var invitation = await Platform.Mail.WaitForAsync("jade@journey.example.com", "set your password");
            await manager.GotoAsync(invitation.Link(Platform.Host.PortalUrl + "/set-password?token="));
            await manager.GetByTestId("new-password").FillAsync("Journey-Phones-1");
            await manager.GetByTestId("confirm-password").FillAsync("Journey-Phones-1");
            await manager.GetByTestId("set-password-submit").ClickAsync();
            await Expect(manager.GetByTestId("company-name")).ToHaveTextAsync("Journey Company");
            await Expect(manager.GetByTestId("plan-Fixed").Locator("td").Nth(1)).ToHaveTextAsync("8");
            await manager.GotoAsync(Platform.Host.PortalUrl + "/operator/companies");
            await Expect(manager.GetByTestId("companies")).ToHaveCountAsync(0);
            await manager.GotoAsync(Platform.Host.PortalUrl + "/");
            await manager.GetByTestId("sign-out").ClickAsync();

            await page.GetByTestId("suspend-company").ClickAsync();
            await Expect(page.GetByTestId("company-status")).ToHaveTextAsync("Suspended");
            await SignInAsync(manager, "jade@journey.example.com", "Journey-Phones-1");
            await Expect(manager.GetByTestId("email-error")).ToHaveTextAsync("Your company's account is suspended. Contact your operator.");

            await page.GetByTestId("nav-companies").ClickAsync();
            await page.GetByTestId("company-search").FillAsync("journey");
            await page.GetByTestId("company-search-submit").ClickAsync();
            await Expect(page.GetByTestId("company-row")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("company-row-status")).ToHaveTextAsync("Suspended");

            await page.GetByTestId("company-link").ClickAsync();
            await page.GetByTestId("reactivate-company").ClickAsync();
            await Expect(page.GetByTestId("company-status")).ToHaveTextAsync("Active");
            await SignInAsync(manager, "jade@journey.example.com", "Journey-Phones-1");
            await Expect(manager.GetByTestId("company-name")).ToHaveTextAsync("Journey Company");

            // A-AUDIT: the operator's own changes to the company, newest first.
            await page.GetByTestId("nav-operator-audit").ClickAsync();
            await page.GetByTestId("audit-company-filter").SelectOptionAsync(new SelectOptionValue { Label = "Journey Company" });
            await page.GetByTestId("audit-filter-submit").ClickAsync();
            var latest = page.GetByTestId("audit-row").First;
            await Expect(latest.GetByTestId("audit-object")).ToHaveTextAsync("Journey Company");
            await Expect(latest.GetByTestId("audit-before")).ToHaveTextAsync("Suspended");
            await Expect(latest.GetByTestId("audit-after")).ToHaveTextAsync("Active");
            var quota = page.GetByTestId("audit-row").Filter(new() { HasText = "SubscriptionQuota" }).Filter(new() { HasText = "Changed" });
            await Expect(quota.GetByTestId("audit-before")).ToHaveTextAsync("5");
            await Expect(quota.GetByTestId("audit-after")).ToHaveTextAsync("8");
        });
    }

    [Fact]
    public async Task AddNumbersToAZonePool_TheCountChanges_AndAFreeNumberCanBeRemoved()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(AddNumbersToAZonePool_TheCountChanges_AndAFreeNumberCanBeRemoved), async () =>
        {
            await page.GetByTestId("nav-numbers").ClickAsync();
            var northWest = page.GetByTestId("zone-NorthWest");
            var before = int.Parse((await northWest.GetByTestId("zone-free").TextContentAsync())!, CultureInfo.InvariantCulture);

            await page.GetByTestId("numbers-from").FillAsync("02 99 00 10 00");
            await page.GetByTestId("numbers-count").FillAsync("20");
            await page.GetByTestId("add-numbers-submit").ClickAsync();
            await Expect(page.GetByTestId("numbers-added")).ToHaveTextAsync("20 number(s) added, from 02 99 00 10 00 to 02 99 00 10 19.");
            await Expect(northWest.GetByTestId("zone-free")).ToHaveTextAsync((before + 20).ToString(CultureInfo.InvariantCulture));

            await page.GetByTestId("numbers-from").FillAsync("02 99 00 10 15");
            await page.GetByTestId("numbers-count").FillAsync("10");
            await page.GetByTestId("add-numbers-submit").ClickAsync();
            await Expect(page.GetByTestId("numbers-from-error")).ToContainTextAsync("Already in the pool: 02 99 00 10 15");

            await page.GetByTestId("numbers-from").FillAsync("");
            await page.GetByTestId("numbers-count").FillAsync("");
            await page.GetByTestId("numbers-list").FillAsync("02 99 00 20 00\n12345");
            await page.GetByTestId("add-numbers-submit").ClickAsync();
            await Expect(page.GetByTestId("numbers-list-error")).ToContainTextAsync("12345:");
            await Expect(northWest.GetByTestId("zone-free")).ToHaveTextAsync((before + 20).ToString(CultureInfo.InvariantCulture));

            await northWest.GetByTestId("zone-link").ClickAsync();
            await page.GetByTestId("chip-free").ClickAsync();
            var added = page.GetByTestId("pool-number-row").Filter(new() { HasText = "02 99 00 10 07" });
            await Expect(added.GetByTestId("pool-number-state")).ToHaveTextAsync("Free");
            await added.GetByTestId("remove-number").ClickAsync();
            await Expect(page.GetByTestId("number-removed")).ToHaveTextAsync("02 99 00 10 07 left the pool.");
            await Expect(page.GetByTestId("pool-number-row").Filter(new() { HasText = "02 99 00 10 07" })).ToHaveCountAsync(0);

            await page.GetByTestId("back-to-zones").ClickAsync();
            await Expect(page.GetByTestId("zone-NorthWest").GetByTestId("zone-free")).ToHaveTextAsync((before + 19).ToString(CultureInfo.InvariantCulture));
        });
    }

    [Fact]
    public async Task AddAPhoneModel_ADuplicateIsRefusedNextToTheField_ItCannotLeaveWhileALineUsesIt()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(AddAPhoneModel_ADuplicateIsRefusedNextToTheField_ItCannotLeaveWhileALineUsesIt), async () =>
        {
            await page.GetByTestId("nav-phone-models").ClickAsync();
            await AddModelAsync(page, "Journeyphone", "JP-100");
            await Expect(page.GetByTestId("model-added")).ToHaveTextAsync("Journeyphone JP-100 is in the catalogue.");
            var row = page.GetByTestId("phone-model-row").Filter(new() { HasText = "JP-100" });
            await Expect(row.GetByTestId("phone-model-keys")).ToHaveTextAsync("12");

            await AddModelAsync(page, "Journeyphone", "JP-100");
            await Expect(page.GetByTestId("model-model-error")).ToHaveTextAsync("The Journeyphone JP-100 is already in the catalogue.");
            await Expect(page.GetByTestId("model-vendor")).ToHaveValueAsync("Journeyphone");
            await Expect(page.GetByTestId("phone-model-row").Filter(new() { HasText = "JP-100" })).ToHaveCountAsync(1);

            await row.GetByTestId("phone-model-link").ClickAsync();
            await Expect(page.GetByTestId("phone-model-title")).ToHaveTextAsync("Journeyphone JP-100");
            await page.GetByTestId("model-keys").FillAsync("300");
            await page.GetByTestId("change-model-submit").ClickAsync();
            await Expect(page.GetByTestId("model-keys-error")).ToHaveTextAsync("Between 0 and 200 programmable keys.");
            await page.GetByTestId("model-keys").FillAsync("16");
            await page.GetByTestId("change-model-submit").ClickAsync();
            await Expect(page.GetByTestId("model-changed")).ToHaveTextAsync("Journeyphone JP-100 is saved.");
            await Expect(row.GetByTestId("phone-model-keys")).ToHaveTextAsync("16");

            // A model a line uses stays: the demo company's manager gives a line this phone.
            var (managerEmail, managerPassword) = await Platform.Host.ManagerLoginAsync();
            var manager = await Platform.Browser.NewPageAsync();
            await manager.GotoAsync(Platform.Host.PortalUrl + "/");
            await SignInAsync(manager, managerEmail, managerPassword);
            await manager.GotoAsync(Platform.Host.PortalUrl + "/manage/lines/new");
            await manager.GetByTestId("line-kind").SelectOptionAsync("Fixed");
            await manager.GetByTestId("line-first-name").FillAsync("Paul");
            await manager.GetByTestId("line-last-name").FillAsync("Catalogue");
            await manager.GetByTestId("line-email").FillAsync("paul.catalogue@demo.example.com");
            await manager.GetByTestId("phone-model").SelectOptionAsync(new SelectOptionValue { Label = "Journeyphone JP-100 (desk phone, 16 keys)" });
            await manager.GetByTestId("activate-submit").ClickAsync();
            await Expect(manager.GetByTestId("hardware-model")).ToHaveTextAsync("Journeyphone JP-100");

            await row.GetByTestId("delete-model").ClickAsync();
            await Expect(page.GetByTestId("delete-model-error")).ToHaveTextAsync("1 line(s) use the Journeyphone JP-100; it stays in the catalogue.");
            await Expect(page.GetByTestId("phone-model-row").Filter(new() { HasText = "JP-100" })).ToHaveCountAsync(1);

            await manager.GetByTestId("delete-line").ClickAsync();
            await manager.GetByTestId("confirm-delete-line").ClickAsync();
            await Expect(manager).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/manage/lines\\?deleted="));

            await row.GetByTestId("delete-model").ClickAsync();
            await Expect(page.GetByTestId("model-deleted")).ToHaveTextAsync("Journeyphone JP-100 left the catalogue.");
            await Expect(page.GetByTestId("phone-model-row").Filter(new() { HasText = "JP-100" })).ToHaveCountAsync(0);
        });
    }

    private static async Task AddModelAsync(IPage page, string vendor, string model)
    {
        await page.GetByTestId("model-vendor").FillAsync(vendor);
        await page.GetByTestId("model-model").FillAsync(model);
        await page.GetByTestId("model-kind").SelectOptionAsync("DeskPhone");
        await page.GetByTestId("model-keys").FillAsync("12");
        await page.GetByTestId("model-calls").FillAsync("4");
        await page.GetByTestId("add-model-submit").ClickAsync();
    }

    private async Task<IPage> SignedInAsync()
    {
        await console.EnsureOperatorPasswordAsync();
        var page = await Platform.Browser.NewPageAsync();
        await page.GotoAsync(Platform.Host.PortalUrl + "/");
        await SignInAsync(page, OperatorJourneyFixture.OperatorEmail, OperatorJourneyFixture.OperatorPassword);
        await Expect(page).ToHaveURLAsync(Platform.Host.PortalUrl + "/operator/companies");
        await Expect(page.GetByTestId("operator-nav")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("manager-nav")).ToHaveCountAsync(0);
        return page;
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByTestId("sign-in-link").ClickAsync();
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
    }
}
