using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Telephony.Portal.Infrastructure.Localization;

/// <summary>
/// French and English UI (SPEC.md §13): French for everyone who has not chosen, English from the
/// language switcher, which stores the choice in the standard culture cookie.
/// </summary>
public static class PortalLocalization
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddScoped<MessageTranslator>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(French);
            o.SupportedCultures = [French, English];
            o.SupportedUICultures = [French, English];

            // Only the cookie: no Accept-Language, so the default stays French until one chooses.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>The UI's pages only: the REST API keeps the host's culture and its English messages.</summary>
    public static IApplicationBuilder UsePortalLocalization(this IApplicationBuilder app) =>
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui => ui.UseRequestLocalization());

    /// <summary>The switcher's target: a plain form post (works without script), then back to the page.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/culture", ([Microsoft.AspNetCore.Mvc.FromForm] string? culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl, HttpContext context) =>
        {
            var chosen = string.Equals(culture, "en", StringComparison.OrdinalIgnoreCase) ? English : French;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieValue(chosen),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        });
        return endpoints;
    }

    /// <summary>The cookie value for <paramref name="culture"/> (also used by browser tests).</summary>
    public static string CookieValue(CultureInfo culture) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));

    // A path on this site only ("/x", not "//host" or "/\host"): the redirect never leaves it.
    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
