using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Telephony.EndToEnd.Tests.Portal;

/// <summary>French by default, English from the top bar's switcher; the line page on a phone's screen.</summary>
public sealed partial class ManagerJourneyTests
{
    [Fact]
    public async Task FrenchByDefault_ValidationInFrenchNextToTheField_SwitcherGoesToEnglishAndBack()
    {
        var page = await platform.Browser.NewPageAsync(language: null);
        await Browser.JourneyAsync(page, nameof(FrenchByDefault_ValidationInFrenchNextToTheField_SwitcherGoesToEnglishAndBack), async () =>
        {
            await page.GotoAsync(platform.Host.PortalUrl + "/sign-in");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Connexion");
            await Expect(page.GetByTestId("sign-in-submit")).ToHaveTextAsync("Se connecter");
            await page.GetByTestId("sign-in-submit").ClickAsync();
            await Expect(page.GetByTestId("email-error")).ToHaveTextAsync("Saisissez votre adresse e-mail et votre mot de passe.");

            var (email, password) = await platform.Host.ManagerLoginAsync();
            await page.GetByTestId("email").FillAsync(email);
            await page.GetByTestId("password").FillAsync(password);
            await page.GetByTestId("sign-in-submit").ClickAsync();
            await Expect(page.GetByTestId("company-name")).ToHaveTextAsync("Demo Company");
            await Expect(page.GetByTestId("nav-lines")).ToHaveTextAsync("Lignes");

            await OpenLineAsync(page, "Alice");
            await page.GetByTestId("block-number").FillAsync("12ab");
            await page.GetByTestId("block-submit").ClickAsync();
            await Expect(page.GetByTestId("block-error")).ToHaveTextAsync("Un numéro bloqué a de 1 à 20 chiffres, après un + facultatif.");

            await page.GetByTestId("edit-forwarding").ClickAsync();
            await Expect(page.GetByTestId("forwarding-submit")).ToHaveTextAsync("Valider");
            await page.GetByTestId("forward-Immediate-enabled").CheckAsync();
            await page.GetByTestId("forward-Immediate-target").SelectOptionAsync("Number");
            await page.GetByTestId("forward-Immediate-number").FillAsync("112");
            await page.GetByTestId("forwarding-submit").ClickAsync();
            await Expect(page.GetByTestId("forward-form-Immediate").GetByTestId("forward-error"))
                .ToHaveTextAsync("Les appels ne peuvent pas être renvoyés vers un numéro d'urgence.");

            await page.GotoAsync(platform.Host.PortalUrl + "/manage/directory");
            await Expect(page.Locator("h1")).ToContainTextAsync("Annuaire de l'entreprise");
            await page.GetByTestId("contact-name").FillAsync("Taxi Bleu");
            await page.GetByTestId("contact-number-input").FillAsync("3607");
            await page.GetByTestId("add-contact").ClickAsync();
            await Expect(page.GetByTestId("contact-number-error"))
                .ToHaveTextAsync("Saisissez un numéro français (0X XX XX XX XX) ou un numéro international commençant par + ou 00.");

            await page.GotoAsync(platform.Host.PortalUrl + "/manage/lines");
            await page.GetByTestId("language-en").ClickAsync();
            await Expect(page).ToHaveURLAsync(platform.Host.PortalUrl + "/manage/lines");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Manage your lines");
            await Expect(page.GetByTestId("nav-lines")).ToHaveTextAsync("Lines");

            await page.GetByTestId("language-fr").ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Gérer vos lignes");
            await Expect(page.GetByTestId("language-fr")).ToHaveAttributeAsync("aria-pressed", "true");
        });
    }

    [Fact]
    public async Task LinePage_OnAPhoneScreen_FitsTheWidth()
    {
        var page = await platform.Browser.NewPageAsync(language: null, viewport: (390, 844));
        await Browser.JourneyAsync(page, nameof(LinePage_OnAPhoneScreen_FitsTheWidth), async () =>
        {
            var (email, password) = await platform.Host.ManagerLoginAsync();
            await page.GotoAsync(platform.Host.PortalUrl + "/sign-in");
            await page.GetByTestId("email").FillAsync(email);
            await page.GetByTestId("password").FillAsync(password);
            await page.GetByTestId("sign-in-submit").ClickAsync();
            await Expect(page.GetByTestId("company-name")).ToHaveTextAsync("Demo Company");

            await OpenLineAsync(page, "Alice");
            Assert.True(await FitsTheWidthAsync(page), "the line page is wider than the screen");

            await page.GetByTestId("edit-forwarding").ClickAsync();
            await Expect(page.GetByTestId("forwarding-form")).ToBeVisibleAsync();
            Assert.True(await FitsTheWidthAsync(page), "the forwarding form is wider than the screen");
        });
    }

    private static Task<bool> FitsTheWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth");
}
