using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Telephony.EndToEnd.Tests.Portal;

/// <summary>The manager's everyday journeys in Chromium, on the demo company of the running platform.</summary>
public sealed partial class ManagerJourneyTests(PortalJourneyFixture platform) : IClassFixture<PortalJourneyFixture>
{
    [Fact]
    public async Task CreateASiteAndActivateAFixedLine_ThenFindItBySearch()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(CreateASiteAndActivateAFixedLine_ThenFindItBySearch), async () =>
        {
            await page.GetByTestId("nav-lines").ClickAsync();
            await page.GetByTestId("configure-new-lines").ClickAsync();
            await page.GetByTestId("line-site").SelectOptionAsync("new");
            await page.GetByTestId("site-name").FillAsync("Versailles office");
            await page.GetByTestId("site-street").FillAsync("1 place d'Armes");
            await page.GetByTestId("site-postcode").FillAsync("78000");
            await page.GetByTestId("site-city").FillAsync("Versailles");
            await page.GetByTestId("line-kind").SelectOptionAsync("Fixed");
            await page.GetByTestId("line-first-name").FillAsync("Élodie");
            await page.GetByTestId("line-last-name").FillAsync("Durand");
            await page.GetByTestId("line-email").FillAsync("elodie.durand@demo.example.com");
            await page.GetByTestId("line-short-number").FillAsync("3105");
            await page.GetByTestId("phone-model").SelectOptionAsync(new SelectOptionValue { Label = "Yealink T54W (desk phone, 27 keys)" });
            await page.GetByTestId("phone-mac").FillAsync("80-5e-c0-31-05-01");
            await page.GetByTestId("activate-submit").ClickAsync();

            await Expect(page.GetByTestId("line-title")).ToHaveTextAsync("Élodie Durand");
            await Expect(page.GetByTestId("hardware-model")).ToHaveTextAsync("Yealink T54W");
            await Expect(page.GetByTestId("hardware-mac")).ToHaveTextAsync("80:5E:C0:31:05:01");
            await Expect(page.GetByTestId("activated")).ToContainTextAsync("01 99 00");
            var number = await page.GetByTestId("line-number").TextContentAsync();

            await page.GetByTestId("nav-lines").ClickAsync();
            await page.GetByTestId("line-search").FillAsync("elodie");
            await page.GetByTestId("line-search-submit").ClickAsync();
            await Expect(page.GetByTestId("line-row")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("line-name")).ToHaveTextAsync("Élodie Durand");

            await page.GetByTestId("line-search").FillAsync(number!.Replace(" ", "", StringComparison.Ordinal) + ";3105");
            await page.GetByTestId("line-search-submit").ClickAsync();
            await Expect(page.GetByTestId("line-row")).ToHaveCountAsync(1);

            await page.GetByTestId("nav-sites").ClickAsync();
            var site = page.GetByTestId("site-row").Filter(new() { HasText = "Versailles office" });
            await Expect(site.GetByTestId("site-line-count")).ToHaveTextAsync("1");
        });
    }

    [Fact]
    public async Task ActivationWithMistakes_ShowsEachMessageNextToItsField()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(ActivationWithMistakes_ShowsEachMessageNextToItsField), async () =>
        {
            await page.GotoAsync(platform.Host.PortalUrl + "/manage/lines/new");
            await page.GetByTestId("line-first-name").FillAsync("Eve");
            await page.GetByTestId("line-email").FillAsync("alice.martin@demo.example.com");
            await page.GetByTestId("line-short-number").FillAsync("1");
            await page.GetByTestId("activate-submit").ClickAsync();

            await Expect(page.GetByTestId("line-last-name-error")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("line-short-number-error")).ToHaveTextAsync("A short number has 2 to 6 digits.");
            await Expect(page.GetByTestId("line-first-name")).ToHaveValueAsync("Eve");

            await page.GetByTestId("line-last-name").FillAsync("Twin");
            await page.GetByTestId("line-short-number").FillAsync("");
            await page.GetByTestId("activate-submit").ClickAsync();
            await Expect(page.GetByTestId("line-email-error")).ToHaveTextAsync("This e-mail address is already used by another account.");
        });
    }

    [Fact]
    public async Task ForwardOnBusyToAMobile_ThenAForbiddenForwardIsRefusedNamingTheRule()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(ForwardOnBusyToAMobile_ThenAForbiddenForwardIsRefusedNamingTheRule), async () =>
        {
            await OpenLineAsync(page, "Alice");
            await page.GetByTestId("edit-forwarding").ClickAsync();
            await page.GetByTestId("forward-Busy-target").SelectOptionAsync("Number");
            await page.GetByTestId("forward-Busy-number").FillAsync("06 12 34 56 78");
            await page.GetByTestId("forwarding-submit").ClickAsync();
            await Expect(page.GetByTestId("forward-Busy")).ToHaveTextAsync("To 06 12 34 56 78");

            await page.GetByTestId("edit-forwarding").ClickAsync();
            await page.GetByTestId("forward-Immediate-enabled").CheckAsync();
            await page.GetByTestId("forward-Immediate-target").SelectOptionAsync("Number");
            await page.GetByTestId("forward-Immediate-number").FillAsync("0899 12 34 56");
            await page.GetByTestId("forwarding-submit").ClickAsync();
            var error = page.GetByTestId("forward-form-Immediate").GetByTestId("forward-error");
            await Expect(error).ToHaveTextAsync("Calls cannot be forwarded to 08 numbers (special rate services).");

            await page.GetByTestId("forwarding-cancel").ClickAsync();
            await Expect(page.GetByTestId("forward-Immediate")).ToHaveTextAsync("Off");
            await Expect(page.GetByTestId("forward-Busy")).ToHaveTextAsync("To 06 12 34 56 78");
        });
    }

    [Fact]
    public async Task BuildACalendarFromTheForwardingForm_AndUseItForScheduledForwarding()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(BuildACalendarFromTheForwardingForm_AndUseItForScheduledForwarding), async () =>
        {
            await OpenLineAsync(page, "Bruno");
            await page.GetByTestId("edit-forwarding").ClickAsync();
            await page.GetByTestId("new-calendar").ClickAsync();

            await page.GetByTestId("calendar-name").FillAsync("Office hours");
            await page.GetByTestId("hours-0-afternoon-start").FillAsync("12:00");
            await page.GetByTestId("calendar-next").ClickAsync();
            await Expect(page.GetByTestId("hours-error").First).ToHaveTextAsync("The hours overlap: the second opening starts after the first one ends.");
            await page.GetByTestId("hours-0-afternoon-start").FillAsync("14:00");
            await page.GetByTestId("hours-1-Saturday").CheckAsync();
            await page.GetByTestId("hours-1-start").FillAsync("09:00");
            await page.GetByTestId("hours-1-end").FillAsync("12:00");
            await page.GetByTestId("calendar-next").ClickAsync();

            await Expect(page.GetByTestId("calendar-summary")).ToContainTextAsync("Office hours");
            await page.GetByTestId("closure-0-first").FillAsync("2026-12-24");
            await page.GetByTestId("closure-0-last").FillAsync("2026-12-26");
            await page.GetByTestId("calendar-create").ClickAsync();

            // Back on the forwarding form, with the new calendar chosen.
            await Expect(page.GetByTestId("forward-calendar")).ToHaveValueAsync(new Regex("^[0-9a-f-]{36}$"));
            await page.GetByTestId("forward-Scheduled-enabled").CheckAsync();
            await page.GetByTestId("forward-Scheduled-target").SelectOptionAsync("Voicemail");
            await page.GetByTestId("forwarding-submit").ClickAsync();
            await Expect(page.GetByTestId("forward-Scheduled")).ToHaveTextAsync("To voicemail while 'Office hours' is closed");

            await page.GetByTestId("nav-calendars").ClickAsync();
            var row = page.GetByTestId("calendar-row").Filter(new() { HasText = "Office hours" });
            await Expect(row.GetByTestId("calendar-used-by")).ToHaveTextAsync("Bruno Petit");
            await row.GetByTestId("calendar-link").ClickAsync();
            await page.GetByTestId("delete-calendar").ClickAsync();
            await Expect(page.GetByTestId("delete-calendar-error")).ToContainTextAsync("Bruno Petit (scheduled forwarding)");
        });
    }

    [Fact]
    public async Task DeleteALine_ItIsGoneFromTheLists()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(DeleteALine_ItIsGoneFromTheLists), async () =>
        {
            await page.GotoAsync(platform.Host.PortalUrl + "/manage/lines/new");
            await page.GetByTestId("line-kind").SelectOptionAsync("Analog");
            await page.GetByTestId("line-name").FillAsync("Lobby fax");
            await page.GetByTestId("activate-submit").ClickAsync();
            await Expect(page.GetByTestId("line-title")).ToHaveTextAsync("Lobby fax");

            await page.GetByTestId("delete-line").ClickAsync();
            await page.GetByTestId("confirm-delete-line").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/manage/lines\\?deleted="));
            await page.GetByTestId("line-search").FillAsync("lobby");
            await page.GetByTestId("line-search-submit").ClickAsync();
            await Expect(page.GetByTestId("no-lines")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task ConfigureSupervisionShortcutAndPickupKeys_ThenReorderThem()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(ConfigureSupervisionShortcutAndPickupKeys_ThenReorderThem), async () =>
        {
            await ActivateFixedLineAsync(page, "Gaëlle", "Roux", "3201");
            await ActivateFixedLineAsync(page, "Hugo", "Lefèvre", "3202", "Yealink T54W (desk phone, 27 keys)");
            var keys = page.GetByTestId("block-keys");
            await Expect(keys.GetByTestId("keys-used")).ToHaveTextAsync("0 / 27");

            foreach (var colleague in (string[])["Alice Martin (201)", "Bruno Petit (202)", "Gaëlle Roux (3201)"])
            {
                await keys.GetByTestId("supervised-line").SelectOptionAsync(new SelectOptionValue { Label = colleague });
                await keys.GetByTestId("add-supervision-key").ClickAsync();
                await Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
            }

            foreach (var (label, number) in (IEnumerable<(string, string)>)[("Reception", "0140000000"), ("Home", "06 12 34 56 78")])
            {
                await keys.GetByTestId("shortcut-label").FillAsync(label);
                await keys.GetByTestId("shortcut-number").FillAsync(number);
                await keys.GetByTestId("add-shortcut-key").ClickAsync();
                await Expect(keys.GetByTestId("key-label").Last).ToHaveTextAsync(label);
            }

            await keys.GetByTestId("add-pickup-key").ClickAsync();
            await Expect(keys.GetByTestId("key-label")).ToHaveTextAsync(["Alice Martin", "Bruno Petit", "Gaëlle Roux", "Reception", "Home", "Pickup"]);
            await Expect(keys.GetByTestId("key-number")).ToHaveTextAsync(["1", "2", "3", "4", "5", "6"]);
            await Expect(keys.GetByTestId("keys-used")).ToHaveTextAsync("6 / 27");
            await Expect(keys.GetByTestId("add-pickup-key")).ToHaveCountAsync(0);

            // A shortcut key with no label is refused next to the field.
            await keys.GetByTestId("shortcut-number").FillAsync("0140000001");
            await keys.GetByTestId("add-shortcut-key").ClickAsync();
            await Expect(keys.GetByTestId("shortcut-label-error")).ToHaveTextAsync("Give the key a label.");

            // Without script: Bruno moves up; Gaëlle, last supervision key, cannot move below the shortcut keys.
            await keys.GetByTestId("supervision-keys").GetByTestId("key").Nth(1).GetByTestId("key-up").ClickAsync();
            await Expect(keys.GetByTestId("key-label")).ToHaveTextAsync(["Bruno Petit", "Alice Martin", "Gaëlle Roux", "Reception", "Home", "Pickup"]);
            await keys.GetByTestId("supervision-keys").GetByTestId("key").Nth(2).GetByTestId("key-down").ClickAsync();
            await Expect(keys.GetByTestId("key-label")).ToHaveTextAsync(["Bruno Petit", "Alice Martin", "Gaëlle Roux", "Reception", "Home", "Pickup"]);

            // Drag and drop: the pickup key goes to the top of the shortcut keys.
            var shortcuts = keys.GetByTestId("shortcut-keys").GetByTestId("key");
            await DragAsync(page, shortcuts.Nth(2), shortcuts.Nth(0));
            await Expect(keys.GetByTestId("key-label")).ToHaveTextAsync(["Bruno Petit", "Alice Martin", "Gaëlle Roux", "Pickup", "Reception", "Home"]);
            await Expect(keys.GetByTestId("key-number")).ToHaveTextAsync(["1", "2", "3", "4", "5", "6"]);

            await keys.GetByTestId("shortcut-keys").GetByTestId("key").Nth(1).GetByTestId("key-delete").ClickAsync();
            await Expect(keys.GetByTestId("key-label")).ToHaveTextAsync(["Bruno Petit", "Alice Martin", "Gaëlle Roux", "Pickup", "Home"]);
        });
    }

    [Fact]
    public async Task CreateAPickupGroup_ThenChangeItsMembers()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(CreateAPickupGroup_ThenChangeItsMembers), async () =>
        {
            await page.GetByTestId("nav-pickup-groups").ClickAsync();
            await page.GetByTestId("create-pickup-group").ClickAsync();
            await page.GetByTestId("pickup-site").SelectOptionAsync(new SelectOptionValue { Label = "Head office — PARIS" });
            await page.GetByTestId("pickup-site-continue").ClickAsync();

            await page.GetByTestId("pickup-name").FillAsync("Accueil!");
            await page.GetByTestId("pickup-candidate").Filter(new() { HasText = "Alice Martin" }).GetByTestId("pickup-member").CheckAsync();
            await page.GetByTestId("pickup-candidate").Filter(new() { HasText = "Bruno Petit" }).GetByTestId("pickup-member").CheckAsync();
            await page.GetByTestId("pickup-group-submit").ClickAsync();
            await Expect(page.GetByTestId("pickup-name-error")).ToContainTextAsync("letters, digits, spaces");
            await Expect(page.GetByTestId("pickup-candidate").Filter(new() { HasText = "Bruno Petit" }).GetByTestId("pickup-member")).ToBeCheckedAsync();

            await page.GetByTestId("pickup-name").FillAsync("Accueil");
            await page.GetByTestId("pickup-group-submit").ClickAsync();
            await Expect(page.GetByTestId("saved")).ToContainTextAsync("Accueil");
            var row = page.GetByTestId("pickup-group-row").Filter(new() { HasText = "Accueil" });
            await Expect(row.GetByTestId("pickup-group-members")).ToHaveTextAsync("Alice Martin, Bruno Petit");

            await row.GetByTestId("pickup-group-link").ClickAsync();
            await page.GetByTestId("pickup-candidate").Filter(new() { HasText = "Alice Martin" }).GetByTestId("pickup-member").UncheckAsync();
            await page.GetByTestId("pickup-group-submit").ClickAsync();
            await Expect(page.GetByTestId("pickup-group-row").Filter(new() { HasText = "Accueil" }).GetByTestId("pickup-group-members")).ToHaveTextAsync("Bruno Petit");
        });
    }

    [Fact]
    public async Task BuildTheCompanyDirectory_ByHandAndFromCsv_ThenExportIt()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(BuildTheCompanyDirectory_ByHandAndFromCsv_ThenExportIt), async () =>
        {
            await page.GetByTestId("nav-directory").ClickAsync();
            await page.GetByTestId("contact-name").FillAsync("Taxi Bleu");
            await page.GetByTestId("contact-number-input").FillAsync("3607");
            await page.GetByTestId("contact-short-number-input").FillAsync("201");
            await page.GetByTestId("add-contact").ClickAsync();
            await Expect(page.GetByTestId("contact-number-error")).ToBeVisibleAsync();

            await page.GetByTestId("contact-number-input").FillAsync("01 49 36 10 10");
            await page.GetByTestId("add-contact").ClickAsync();
            await Expect(page.GetByTestId("add-contact-error").Or(page.GetByTestId("contact-short-number-error"))).ToContainTextAsync("Short number 201 is already used");

            await page.GetByTestId("contact-short-number-input").FillAsync("901");
            await page.GetByTestId("add-contact").ClickAsync();
            await Expect(page.GetByTestId("saved")).ToContainTextAsync("Taxi Bleu");

            await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload
            {
                Name = "suppliers.csv",
                MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes("Nom;Numéro;Numéro court\r\nImprimerie Martin;01 40 00 00 10;902\r\nAgence Wagner;+49 30 1234567;\r\n"),
            });
            await page.GetByTestId("import-submit").ClickAsync();
            await Expect(page.GetByTestId("saved")).ToContainTextAsync("2 contact(s) imported");
            await Expect(page.GetByTestId("contact-count")).ToHaveTextAsync("3 / 500");

            await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("Name,Number\nNobody,12\n") });
            await page.GetByTestId("import-submit").ClickAsync();
            await Expect(page.GetByTestId("import-row-error")).ToContainTextAsync("Line 2:");
            await Expect(page.GetByTestId("contact-count")).ToHaveTextAsync("3 / 500");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-contacts").ClickAsync());
            var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.Contains("Imprimerie Martin,+33140000010,902", exported, StringComparison.Ordinal);
            Assert.Contains("Taxi Bleu,+33149361010,901", exported, StringComparison.Ordinal);

            await page.GetByTestId("contact-search").FillAsync("wagner");
            await page.GetByTestId("contact-search-submit").ClickAsync();
            await Expect(page.GetByTestId("contact-row")).ToHaveCountAsync(1);
            await page.GetByTestId("contact-link").ClickAsync();
            await page.GetByTestId("delete-contact").ClickAsync();
            await Expect(page.GetByTestId("contact-count")).ToHaveTextAsync("2 / 500");
        });
    }

    [Fact]
    public async Task GiveALineToANewPerson_TheManagerIsWarnedAboutThePreviousUsersSettings()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(GiveALineToANewPerson_TheManagerIsWarnedAboutThePreviousUsersSettings), async () =>
        {
            await ActivateFixedLineAsync(page, "Inès", "Garnier", "3301");
            await page.GetByTestId("edit-coordinates").ClickAsync();
            await page.GetByTestId("coord-short-number").FillAsync("201");
            await page.GetByTestId("coordinates-submit").ClickAsync();
            await Expect(page.GetByTestId("coord-short-number-error")).ToHaveTextAsync("Short number 201 is already used in your company.");

            await page.GetByTestId("coord-first-name").FillAsync("Jules");
            await page.GetByTestId("coord-last-name").FillAsync("Moreau");
            await page.GetByTestId("coord-email").FillAsync("jules.moreau@demo.example.com");
            await page.GetByTestId("coord-short-number").FillAsync("3302");
            await page.GetByTestId("coordinates-submit").ClickAsync();

            await Expect(page.GetByTestId("line-title")).ToHaveTextAsync("Jules Moreau");
            await Expect(page.GetByTestId("email-changed")).ToContainTextAsync("jules.moreau@demo.example.com received an invitation");
            await Expect(page.GetByTestId("line-short-number")).ToHaveTextAsync("3302");
        });
    }

    [Fact]
    public async Task AssociateAMobileWithAFixedLine_ItStaysPendingUntilTheNetworkApplies()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(AssociateAMobileWithAFixedLine_ItStaysPendingUntilTheNetworkApplies), async () =>
        {
            await page.GotoAsync(platform.Host.PortalUrl + "/manage/lines/new");
            await page.GetByTestId("line-site").SelectOptionAsync(new SelectOptionValue { Label = "Your mobile lines with PABX option" });
            await page.GetByTestId("line-kind").SelectOptionAsync("Mobile");
            await page.GetByTestId("line-first-name").FillAsync("Karim");
            await page.GetByTestId("line-last-name").FillAsync("Benali");
            await page.GetByTestId("line-email").FillAsync("karim.benali@demo.example.com");
            await page.GetByTestId("activate-submit").ClickAsync();
            await Expect(page.GetByTestId("line-number")).ToContainTextAsync("06 39 98");
            await page.GetByTestId("sim-iccid-input").FillAsync("8933201234567890121");
            await page.GetByTestId("sim-pin-input").FillAsync("1234");
            await page.GetByTestId("sim-puk-input").FillAsync("12345678");
            await page.GetByTestId("sim-submit").ClickAsync();
            await Expect(page.GetByTestId("sim-iccid-error")).ToContainTextAsync("check digit");
            await page.GetByTestId("sim-iccid-input").FillAsync("8933 2012 3456 7890 120");
            await page.GetByTestId("sim-submit").ClickAsync();
            await Expect(page.GetByTestId("sim-iccid")).ToHaveTextAsync("8933201234567890120");
            await Expect(page.GetByTestId("sim-puk")).ToHaveTextAsync("12345678");

            await ActivateFixedLineAsync(page, "Karim", "Benali (desk)", "3401");
            var block = page.GetByTestId("block-mobile");
            await block.GetByTestId("associate-mobile").ClickAsync();
            await Expect(block.GetByTestId("mobile-error")).ToHaveTextAsync("Choose a mobile line of the company.");

            await block.GetByTestId("mobile-line").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await block.GetByTestId("associate-mobile").ClickAsync();
            await Expect(block.GetByTestId("mobile-state")).ToContainTextAsync("Pending");
            await Expect(block.GetByTestId("mobile-state")).ToContainTextAsync("may take up to an hour");

            await block.GetByTestId("dissociate-mobile").ClickAsync();
            await Expect(block.GetByTestId("mobile-state")).ToContainTextAsync("No mobile is associated");
        });
    }

    [Fact]
    public async Task PutColleaguesInAHuntGroup_ThenAMemberDisconnectsFromIt()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(PutColleaguesInAHuntGroup_ThenAMemberDisconnectsFromIt), async () =>
        {
            await page.GotoAsync(platform.Host.PortalUrl + "/manage/lines/new");
            await page.GetByTestId("line-kind").SelectOptionAsync("HuntGroup");
            await page.GetByTestId("line-name").FillAsync("Standard");
            await page.GetByTestId("activate-submit").ClickAsync();
            await Expect(page.GetByTestId("no-members")).ToBeVisibleAsync();

            await page.GetByTestId("member-candidate").Filter(new() { HasText = "Bruno Petit" }).GetByTestId("member-checkbox").CheckAsync();
            await page.GetByTestId("member-candidate").Filter(new() { HasText = "Alice Martin" }).GetByTestId("member-checkbox").CheckAsync();
            await page.GetByTestId("members-submit").ClickAsync();
            await Expect(page.GetByTestId("member-name")).ToHaveTextAsync(["Alice Martin", "Bruno Petit"]);
            await page.GetByTestId("member").Nth(1).GetByTestId("member-up").ClickAsync();
            await Expect(page.GetByTestId("member-name")).ToHaveTextAsync(["Bruno Petit", "Alice Martin"]);

            await OpenLineAsync(page, "Alice");
            var groups = page.GetByTestId("block-groups");
            await Expect(groups.GetByTestId("line-group-name")).ToHaveTextAsync("Standard");
            await Expect(groups.GetByTestId("line-group-presence")).ToHaveTextAsync("connected");
            await groups.GetByTestId("line-group-toggle").ClickAsync();
            await Expect(page.GetByTestId("block-groups").GetByTestId("line-group-presence")).ToHaveTextAsync("not connected");

            await page.GetByTestId("block-groups").GetByTestId("manage-group").ClickAsync();
            await Expect(page.GetByTestId("member").Filter(new() { HasText = "Alice Martin" }).GetByTestId("member-presence")).ToHaveTextAsync("absent");
        });
    }

    [Fact]
    public async Task UploadAnMp3HoldRecording_ItIsConvertedAndPlayable_ThenRemoved()
    {
        var mp3 = await ToneMp3Async(TimeSpan.FromSeconds(5), "64k");
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(UploadAnMp3HoldRecording_ItIsConvertedAndPlayable_ThenRemoved), async () =>
        {
            await OpenLineAsync(page, "Bruno");
            await page.GetByTestId("recording-Hold").GetByTestId("recording-file").SetInputFilesAsync(new FilePayload { Name = "music.mp3", MimeType = "audio/mpeg", Buffer = mp3 });
            await page.GetByTestId("recording-Hold").GetByTestId("recording-upload").ClickAsync();
            await Expect(page.GetByTestId("recording-Hold").GetByTestId("recording-state")).ToContainTextAsync("Your recording: 0:05");
            await Expect(page.GetByTestId("hold-state")).ToHaveTextAsync("Uploaded recording");

            // The media server converts it; the page shows it ready without a reload.
            await Expect(page.GetByTestId("recording-Hold").GetByTestId("recording-conversion")).ToHaveTextAsync("Ready: callers hear it (0:05).", new() { Timeout = 30_000 });
            var source = await page.GetByTestId("recording-Hold").GetByTestId("recording-player").GetAttributeAsync("src");
            var served = await page.Context.APIRequest.GetAsync(platform.Host.PortalUrl + "/" + source);
            Assert.Equal("audio/wav", served.Headers["content-type"]);
            var wav = await WavAsync(await served.BodyAsync());
            Assert.Equal(8000, wav.SampleRate);
            Assert.Equal(5.0, wav.Samples.Length / (double)wav.SampleRate, precision: 1);

            await page.GetByTestId("recording-Hold").GetByTestId("recording-remove").ClickAsync();
            await Expect(page.GetByTestId("hold-state")).ToHaveTextAsync("Predefined hold");
            Assert.Equal(404, (await page.Context.APIRequest.GetAsync(platform.Host.PortalUrl + "/" + source)).Status);
        });
    }

    [Fact]
    public async Task TooLongTooBigOrNonAudioRecordings_AreRefusedNextToTheField_EvenWhenTheHeaderLies()
    {
        var fourMinutes = await ToneMp3Async(TimeSpan.FromMinutes(4), "32k");
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(TooLongTooBigOrNonAudioRecordings_AreRefusedNextToTheField_EvenWhenTheHeaderLies), async () =>
        {
            await OpenLineAsync(page, "Bruno");
            (string Name, string Type, byte[] Content, string Error)[] refused =
            [
                ("four-minutes.mp3", "audio/mpeg", fourMinutes, "The recording lasts 4 min 00 s; an announcement is at most 2 minutes."),
                ("five-megabytes.mp3", "audio/mpeg", new byte[5 * 1024 * 1024], "The file is 5 MB; an announcement is at most 3 MB."),
                ("notes.txt", "text/plain", "Bonjour, ceci n'est pas du son."u8.ToArray(), "This file is not audio the platform reads: upload an MP3 or a WAV file."),
            ];
            foreach (var (name, type, content, error) in refused)
            {
                await page.GetByTestId("recording-Greeting").GetByTestId("recording-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = type, Buffer = content });
                await page.GetByTestId("recording-Greeting").GetByTestId("recording-upload").ClickAsync();
                await Expect(page.GetByTestId("recording-Greeting").GetByTestId("recording-error")).ToHaveTextAsync(error);
            }

            // 4 minutes whose header claims 2.4 s: the Portal takes it, the media server's ffmpeg refuses it.
            var lying = Telephony.TestSupport.TestAudio.WavWithLyingByteRate(TimeSpan.FromMinutes(4), 4000, factor: 100);
            await page.GetByTestId("recording-Greeting").GetByTestId("recording-file").SetInputFilesAsync(new FilePayload { Name = "short.wav", MimeType = "audio/wav", Buffer = lying });
            await page.GetByTestId("recording-Greeting").GetByTestId("recording-upload").ClickAsync();
            await Expect(page.GetByTestId("recording-Greeting").GetByTestId("recording-state")).ToContainTextAsync("Your recording: 0:02");
            await Expect(page.GetByTestId("recording-Greeting").GetByTestId("recording-error"))
                .ToHaveTextAsync("The recording lasts 4 min 00 s; an announcement is at most 2 minutes.", new() { Timeout = 30_000 });
            await page.GetByTestId("recording-Greeting").GetByTestId("recording-remove").ClickAsync();
            await Expect(page.GetByTestId("recording-Greeting").GetByTestId("recording-state")).ToHaveTextAsync("Predefined welcome");
        });
    }

    [Fact]
    public async Task TypeACallWaitingText_ListenToIt_ThenUseItAsTheRecording()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(TypeACallWaitingText_ListenToIt_ThenUseItAsTheRecording), async () =>
        {
            await OpenLineAsync(page, "Bruno");
            var block = page.GetByTestId("recording-CallWaiting");
            await block.Locator("summary").ClickAsync();
            await block.GetByTestId("speech-text").FillAsync("   ");
            await block.GetByTestId("speech-listen").ClickAsync();
            await Expect(block.GetByTestId("speech-script-error")).ToHaveTextAsync("Type the text to speak.");

            await block.GetByTestId("speech-text").FillAsync("Please hold the line, Bruno will be with you shortly.");
            await block.GetByTestId("speech-language").SelectOptionAsync("en");
            await block.GetByTestId("speech-listen").ClickAsync();
            await Expect(block.GetByTestId("speech-player")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            Assert.StartsWith("blob:", await block.GetByTestId("speech-player").GetAttributeAsync("src"), StringComparison.Ordinal);

            // Without JavaScript, "Listen" posts the form and the page comes back with the player.
            var form = block.Locator("form[data-speech-form]");
            var fields = page.Context.APIRequest.CreateFormData();
            fields.Set("__RequestVerificationToken", (await form.Locator("input[name=__RequestVerificationToken]").GetAttributeAsync("value"))!);
            fields.Set("_handler", (await form.Locator("input[name=_handler]").GetAttributeAsync("value"))!);
            fields.Set("Text", "Please hold the line.");
            fields.Set("Language", "en");
            fields.Set("Action", "listen");
            var posted = await page.Context.APIRequest.PostAsync(page.Url.Split('#')[0], new() { Form = fields });
            var player = SpeechPlayer().Match(await posted.TextAsync());
            Assert.True(player.Success && !player.Value.Contains(" hidden", StringComparison.Ordinal), "the page after the post has a visible speech player");
            var spoken = await page.Context.APIRequest.GetAsync(platform.Host.PortalUrl + "/" + System.Net.WebUtility.HtmlDecode(player.Groups["src"].Value));
            Assert.Equal("audio/wav", spoken.Headers["content-type"]);
            Assert.InRange((await WavAsync(await spoken.BodyAsync())).ActiveSeconds(), 0.5, 5);

            await block.GetByTestId("speech-save").ClickAsync();
            await Expect(page.GetByTestId("recording-CallWaiting").GetByTestId("recording-state")).ToContainTextAsync("(WAV,");
            await Expect(page.GetByTestId("recording-CallWaiting").GetByTestId("recording-conversion")).ToContainTextAsync("Ready: callers hear it", new() { Timeout = 30_000 });
            await page.GetByTestId("recording-CallWaiting").GetByTestId("recording-remove").ClickAsync();
        });
    }

    /// <summary>A 440 Hz tone encoded by ffmpeg (LAME), as a manager's MP3 would be.</summary>
    private static async Task<byte[]> ToneMp3Async(TimeSpan duration, string bitrate)
    {
        var file = Path.Combine(Path.GetTempPath(), $"tone-{Guid.NewGuid():N}.mp3");
        var start = new System.Diagnostics.ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var argument in (string[])["-nostdin", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", $"sine=frequency=440:duration={(int)duration.TotalSeconds}", "-ac", "1", "-c:a", "libmp3lame", "-b:a", bitrate, file])
        {
            start.ArgumentList.Add(argument);
        }

        using var ffmpeg = System.Diagnostics.Process.Start(start)!;
        var errors = await ffmpeg.StandardError.ReadToEndAsync();
        await ffmpeg.WaitForExitAsync();
        Assert.True(ffmpeg.ExitCode == 0, "ffmpeg failed: " + errors);
        try
        {
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<Wav> WavAsync(byte[] content)
    {
        var file = Path.Combine(Path.GetTempPath(), $"served-{Guid.NewGuid():N}.wav");
        await File.WriteAllBytesAsync(file, content);
        try
        {
            return Wav.Read(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task ActivateFixedLineAsync(IPage page, string firstName, string lastName, string shortNumber, string? phoneModel = null)
    {
        await page.GotoAsync(platform.Host.PortalUrl + "/manage/lines/new");
        await page.GetByTestId("line-kind").SelectOptionAsync("Fixed");
        await page.GetByTestId("line-first-name").FillAsync(firstName);
        await page.GetByTestId("line-last-name").FillAsync(lastName);
        await page.GetByTestId("line-email").FillAsync($"line{shortNumber}@demo.example.com");
        await page.GetByTestId("line-short-number").FillAsync(shortNumber);
        if (phoneModel is not null)
        {
            await page.GetByTestId("phone-model").SelectOptionAsync(new SelectOptionValue { Label = phoneModel });
        }

        await page.GetByTestId("activate-submit").ClickAsync();
        await Expect(page.GetByTestId("line-title")).ToHaveTextAsync($"{firstName} {lastName}");
    }

    /// <summary>A mouse drag in small steps, as SortableJS's pointer fallback follows it.</summary>
    private static async Task DragAsync(IPage page, ILocator source, ILocator target)
    {
        var from = (await source.BoundingBoxAsync())!;
        var to = (await target.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + 20, from.Y + (from.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + 20, from.Y + (from.Height / 2) - 5, new() { Steps = 5 });
        await page.Mouse.MoveAsync(to.X + 20, to.Y + 2, new() { Steps = 20 });
        await page.Mouse.UpAsync();
    }

    [Fact]
    public async Task TurnOnDoNotDisturb_ThenSeeTheChangeInTheLineHistory()
    {
        var page = await SignedInAsync();
        var login = (await page.GetByTestId("signed-in-as").TextContentAsync())!.Trim();
        await Browser.JourneyAsync(page, nameof(TurnOnDoNotDisturb_ThenSeeTheChangeInTheLineHistory), async () =>
        {
            await OpenLineAsync(page, "Alice");
            await page.GetByTestId("edit-incoming").ClickAsync();
            await page.GetByTestId("dnd").CheckAsync();
            await page.GetByTestId("incoming-submit").ClickAsync();
            await Expect(page.GetByTestId("dnd-state")).ToHaveTextAsync("On");

            await page.GetByTestId("line-history").ClickAsync();
            var latest = page.GetByTestId("audit-row").First;
            await Expect(latest.GetByTestId("audit-actor")).ToHaveTextAsync(login);
            await Expect(latest.GetByTestId("audit-action")).ToHaveTextAsync("Changed");
            await Expect(latest.GetByTestId("audit-object")).ToContainTextAsync("Alice Martin");
            var change = latest.GetByTestId("audit-change").Filter(new() { HasText = "services.incoming.doNotDisturb" });
            await Expect(change.GetByTestId("audit-before")).ToHaveTextAsync("false");
            await Expect(change.GetByTestId("audit-after")).ToHaveTextAsync("true");

            await page.GetByTestId("nav-audit").ClickAsync();
            await page.GetByTestId("audit-object-type-filter").SelectOptionAsync("Site");
            await page.GetByTestId("audit-filter-submit").ClickAsync();
            await Expect(page.GetByTestId("audit-object-type")).Not.ToHaveCountAsync(0);
            foreach (var type in await page.GetByTestId("audit-object-type").AllTextContentsAsync())
            {
                Assert.Equal("Site", type);
            }
        });
    }

    private Task<IPage> SignedInAsync() => platform.SignedInManagerAsync();

    private static async Task OpenLineAsync(IPage page, string name)
    {
        await page.GetByTestId("nav-lines").ClickAsync();
        await page.GetByTestId("line-search").FillAsync(name);
        await page.GetByTestId("line-search-submit").ClickAsync();
        await page.GetByTestId("line-link").First.ClickAsync();
        await Expect(page.GetByTestId("line-title")).ToContainTextAsync(name);
    }

    [GeneratedRegex("<audio[^>]*data-testid=\"speech-player\"[^>]*src=\"(?<src>[^\"]+)\"[^>]*>")]
    private static partial Regex SpeechPlayer();
}
