using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Localization;
using Telephony.Portal.Infrastructure.Localization;
using Telephony.Portal.Tests.Api;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Localization;

/// <summary>French by default, English on request through the culture cookie; the API keeps its English.</summary>
[Collection(PortalApiCollection.Name)]
public sealed partial class CultureSwitchTests(PortalApiFixture api)
{
    [Fact]
    public async Task Page_WithoutCookieAndWithAnEnglishBrowser_IsInFrench()
    {
        using var client = api.Host.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");

        var html = await client.GetStringAsync("/sign-in");

        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Connexion</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitcher_ToEnglish_SetsTheCookieAndGoesBackToThePage()
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = api.Host.BaseAddress };

        var switched = await client.PostAsync("/culture", await SwitcherFormAsync(client, "/sign-in", "en", "/sign-in?returnUrl=%2Fme"));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/sign-in?returnUrl=%2Fme", switched.Headers.Location?.OriginalString);
        Assert.NotNull(cookies.GetCookies(api.Host.BaseAddress)[CookieRequestCultureProvider.DefaultCookieName]);
        var html = await client.GetStringAsync("/sign-in");
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Sign in</h1>", html, StringComparison.Ordinal);

        await client.PostAsync("/culture", await SwitcherFormAsync(client, "/sign-in", "fr", "/sign-in"));
        Assert.Contains("<h1>Connexion</h1>", await client.GetStringAsync("/sign-in"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitcher_WithAReturnUrlElsewhere_StaysOnThePortal()
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = api.Host.BaseAddress };

        var switched = await client.PostAsync("/culture", await SwitcherFormAsync(client, "/sign-in", "en", "//evil.example/"));

        Assert.Equal("/", switched.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Api_WithTheFrenchCookie_AnswersInEnglish()
    {
        using var alpha = api.AlphaClient();
        alpha.DefaultRequestHeaders.Add("Cookie", $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(PortalLocalization.CookieValue(PortalLocalization.French))}");

        var problem = await ProblemAsync(await alpha.PostJsonAsync("/api/v1/sites", new { name = "", street = "1 rue X", postcode = "75001", city = "Paris" }), HttpStatusCode.BadRequest);

        Assert.Equal(["The site name is required (at most 100 characters)."], FieldErrors(problem, "name"));
    }

    private static async Task<FormUrlEncodedContent> SwitcherFormAsync(HttpClient client, string page, string culture, string returnUrl)
    {
        var html = await client.GetStringAsync(page);
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["culture"] = culture,
            ["returnUrl"] = returnUrl,
        });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
