using Microsoft.Playwright;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests;

/// <summary>Debian's Chromium driven by Playwright (the browser download Playwright would do is not possible here).</summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>
    /// A page in a fresh context. The Portal is French unless one chooses: journeys read English
    /// unless told otherwise (<paramref name="language"/> null: no choice made, the Portal's default).
    /// </summary>
    public async Task<IPage> NewPageAsync(string? language = "en", (int Width, int Height)? viewport = null)
    {
        var context = await _browser.NewContextAsync(viewport is { } size ? new() { ViewportSize = new() { Width = size.Width, Height = size.Height } } : null);
        if (language is not null)
        {
            await context.AddCookiesAsync([CultureCookie(language)]);
        }

        return await context.NewPageAsync();
    }

    /// <summary>The cookie the Portal's language switcher sets (ASP.NET Core's culture cookie), for the hosts on loopback.</summary>
    public static Cookie CultureCookie(string language)
    {
        var culture = language == "en" ? "en-GB" : "fr-FR";
        return new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Domain = "127.0.0.1", Path = "/" };
    }

    /// <summary>Runs a journey; on failure keeps a full-page screenshot under TestResults/artifacts.</summary>
    public static async Task JourneyAsync(IPage page, string name, Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch
        {
            var folder = Environment.GetEnvironmentVariable("TELEPHONY_TEST_ARTIFACTS") is { Length: > 0 } configured
                ? configured
                : Path.Combine(TestEnvironment.RepositoryRoot, "TestResults", "artifacts");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
