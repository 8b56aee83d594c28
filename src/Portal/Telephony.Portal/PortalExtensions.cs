using MassTransit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Telephony.Portal.Components;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Features.Demo;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.Offer;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Features.Tenants;
using Telephony.Portal.Infrastructure.Api;
using Telephony.Portal.Infrastructure.Localization;
using Telephony.Portal.Infrastructure.Mail;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.Portal.Infrastructure.Provisioning;
using Telephony.Portal.Infrastructure.Routing;
using Telephony.Portal.Infrastructure.Security;
using Telephony.ServiceDefaults.Data;
using Telephony.ServiceDefaults.Health;
using Telephony.ServiceDefaults.Messaging;
using Telephony.ServiceDefaults.Tenancy;
using Telephony.Portal.Features.Voicemail;

namespace Telephony.Portal;

/// <summary>The Portal's composition, used by its own host and by the embedded all-in-one host.</summary>
public static class PortalExtensions
{
    public const string HealthTag = "portal";

    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<TenantContext>();
        services.AddScoped<Actor>();

        builder.AddServiceDatabase<PortalDbContext>("Portal", HealthTag, (sp, db) =>
            db.AddInterceptors(new TenantGuardInterceptor(sp.GetRequiredService<TenantContext>())));
        services.AddOutboxDispatcher<PortalDbContext>();
        services.AddBusConsumers(bus =>
        {
            bus.AddConsumer<RoutingSnapshotsRequestedConsumer>();
            bus.AddConsumer<DeviceSnapshotsRequestedConsumer>();
            bus.AddConsumer<DeviceProvisionedConsumer, RetriedConsumerDefinition<DeviceProvisionedConsumer>>();
            bus.AddConsumer<LineRegistrationChangedConsumer, RetriedConsumerDefinition<LineRegistrationChangedConsumer>>();
            bus.AddConsumer<VoicemailDepositedConsumer, RetriedConsumerDefinition<VoicemailDepositedConsumer>>();
            bus.AddConsumer<Infrastructure.Media.AnnouncementConvertedConsumer>();
        });

        services.AddSingleton<IPasswordHasher<PortalAccount>, PasswordHasher<PortalAccount>>();
        services.AddScoped<CreateTenant>();
        services.AddScoped<ActivateLine>();
        services.AddScoped<SignInAccount>();
        services.AddScoped<AccountMail>();
        services.AddScoped<SetPassword>();
        services.AddScoped<RequestPasswordReset>();
        services.AddScoped<OperatorBootstrap>();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MailSignal>();
        services.AddHostedService<MailDispatcher>();
        services.AddCredentialRateLimit();
        services.AddScoped<GetOfferSummary>();

        services.AddHostedService<OperatorBootstrapService>();

        services.AddSingleton<DemoTenant>();
        if (builder.Configuration.GetValue($"{PortalOptions.SectionName}:{nameof(PortalOptions.SeedDemo)}", false))
        {
            services.AddHostedService<DemoTenantSeeder>();
        }

        // Cookie and antiforgery keys live in the Portal database: shared by every replica,
        // kept across restarts (so sessions are).
        services.AddDataProtection().SetApplicationName("Telephony.Portal");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new PortalKeyRing(scopes));

        services.AddPortalLocalization();
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddAuthorization();
        var authentication = services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "telephony.portal";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/sign-in";
                o.AccessDeniedPath = "/sign-in";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            });
        services.AddPortalApi(authentication);
        return builder;
    }

    /// <summary>Request pipeline pieces the Portal needs (authentication, tenant from the principal, antiforgery).</summary>
    public static IApplicationBuilder UsePortal(this IApplicationBuilder app)
    {
        app.UseApiProblems();
        app.UsePortalLocalization();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<TenantFromPrincipalMiddleware>();
        app.UseAntiforgery();
        return app;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints(HealthTag);
        endpoints.MapGet("/portal-assets/{name}", PortalAssets.Serve);
        endpoints.MapPost("/sign-out", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/");
        });
        endpoints.MapCultureSwitch();
        // O-PRIVNUM export for the signed-in manager (the API's own export takes an API key).
        endpoints.MapGet("/manage/directory/export", async (Features.Contacts.CompanyDirectory directory, CancellationToken ct) =>
                Results.File(System.Text.Encoding.UTF8.GetBytes(await directory.ExportCsvAsync(ct)), "text/csv; charset=utf-8", "directory.csv"))
            .RequireAuthorization(policy => policy.RequireRole(PortalRoles.Manager));
        // S-ANN: the line page's players (the API's own route takes an API key).
        // S-ANN: the line page's players — the converted audio ("listen after") and a text spoken
        // before it is saved (errors as problem details for the page's script to show).
        endpoints.MapGet("/manage/lines/{lineId:guid}/recordings/{use}", async (LineRecordings recordings, Guid lineId, Domain.Lines.Services.AnnouncementUse use, CancellationToken ct) =>
                await recordings.ConvertedAudioAsync(lineId, use, ct) is { Succeeded: true } audio ? Results.File(audio.Value!, "audio/wav", enableRangeProcessing: true) : Results.NotFound())
            .RequireAuthorization(policy => policy.RequireRole(PortalRoles.Manager));
        endpoints.MapGet("/manage/lines/{lineId:guid}/speech", PreviewSpeechAsync)
            .RequireAuthorization(policy => policy.RequireRole(PortalRoles.Manager));
        endpoints.MapPortalApi();
        endpoints.MapRazorComponents<App>();
        return endpoints;
    }

    /// <summary>The text spoken (WAV), or a problem whose detail is in the UI's language for the page's script to show.</summary>
    private static async Task<IResult> PreviewSpeechAsync(LineRecordings recordings, MessageTranslator messages, Guid lineId, string? text, string? language, CancellationToken cancellationToken)
    {
        var speech = await recordings.PreviewSpeechAsync(lineId, new SpeechRequest(text, language), cancellationToken);
        if (speech.Succeeded)
        {
            return Results.File(speech.Value!, "audio/wav");
        }

        var error = speech.Error!;
        var shown = error.Fields.Count > 0 ? error.Fields.Select(f => f.Message) : [error.Message];
        return error.ToProblem(string.Join(" ", shown.Select(messages.Translate)));
    }
}
