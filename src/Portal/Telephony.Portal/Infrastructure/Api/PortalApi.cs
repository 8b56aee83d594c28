using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;
using Telephony.Portal.Features.ApiKeys;
using Telephony.Portal.Features.Audit;
using Telephony.Portal.Features.Calendars;
using Telephony.Portal.Features.Contacts;
using Telephony.Portal.Features.Devices;
using Telephony.Portal.Features.HuntGroups;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.NumberPool;
using Telephony.Portal.Features.Offer;
using Telephony.Portal.Features.PickupGroups;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Features.Sites;
using Telephony.Portal.Features.Tenants;

namespace Telephony.Portal.Infrastructure.Api;

/// <summary>
/// A-API: the REST API under <c>/api/v1</c>, calling the same use cases as the pages.
/// Company endpoints take a company API key and act within that company only (another
/// company's ids answer 404); operator endpoints under <c>/api/v1/operator</c> take a
/// platform key. The OpenAPI document is served at <see cref="OpenApiPath"/>.
/// </summary>
internal static class PortalApi
{
    public const string ManagerPolicy = "api-manager";
    public const string OperatorPolicy = "api-operator";
    public const string OpenApiPath = "/openapi/v1.json";

    public static void AddPortalApi(this IServiceCollection services, AuthenticationBuilder authentication)
    {
        authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ManagerPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(PortalClaims.ApiKey).RequireRole(PortalRoles.Manager))
            .AddPolicy(OperatorPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(PortalClaims.ApiKey).RequireRole(PortalRoles.Operator));

        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Unreadable bodies and query values throw, so they can be answered as problem details naming the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Telephony Portal API",
                    Version = "v1",
                    Description = "Everything the portal does. Send a company API key (manager scope) or a platform key (operator scope) as `Authorization: Bearer tk_…`. Errors are RFC 7807 problem details with a `code` and per-field `errors`.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key: tk_<key id>_<secret>.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] }];
                return Task.CompletedTask;
            });
        });

        services.AddScoped<ListSites>();
        services.AddScoped<CreateSite>();
        services.AddScoped<ChangeSite>();
        services.AddScoped<FindLines>();
        services.AddScoped<DeleteLine>();
        services.AddScoped<ChangeLineServices>();
        services.AddScoped<Calendars>();
        services.AddScoped<LineHardware>();
        services.AddScoped<LineKeys>();
        services.AddScoped<ChangeLineCoordinates>();
        services.AddScoped<MobileAssociations>();
        services.AddScoped<HuntGroupMembers>();
        services.AddScoped<LineRecordings>();
        services.AddScoped<LineSim>();
        services.AddSingleton<Infrastructure.Storage.AnnouncementFiles>();
        services.AddHttpClient<Infrastructure.Media.MediaServerClient>((sp, http) =>
        {
            http.BaseAddress = new Uri(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value.MediaServerUrl.TrimEnd('/') + "/");
            // Speaking 1,000 characters takes espeak-ng and ffmpeg a few seconds.
            http.Timeout = TimeSpan.FromSeconds(60);
        });
        services.AddScoped<PickupGroups>();
        services.AddScoped<CompanyDirectory>();
        services.AddScoped<PhoneModels>();
        services.AddScoped<ApiKeys>();
        services.AddScoped<OperatorTenants>();
        services.AddScoped<NumberPool>();
        services.AddScoped<AuditLog>();
    }

    /// <summary>Answers requests the API could not read (malformed JSON, a value of the wrong type) with a 400 problem.</summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException exception) when (context.Request.Path.StartsWithSegments("/api") && !context.Response.HasStarted)
            {
                await ApiProblems.Unreadable(exception).ExecuteAsync(context);
            }
        });

    public static void MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(OpenApiPath.Replace("v1", "{documentName}", StringComparison.Ordinal));

        var api = endpoints.MapGroup("/api/v1")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var company = api.MapGroup("").RequireAuthorization(ManagerPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        company.MapOfferEndpoints();
        company.MapSiteEndpoints();
        company.MapLineEndpoints();
        company.MapLineServiceEndpoints();
        company.MapLineKeyEndpoints();
        company.MapCalendarEndpoints();
        company.MapPickupGroupEndpoints();
        company.MapHuntGroupMemberEndpoints();
        company.MapDirectoryEndpoints();
        company.MapPhoneModelCatalogue();
        company.MapApiKeyEndpoints("");
        company.MapAuditEndpoints();

        var platform = api.MapGroup("/operator").RequireAuthorization(OperatorPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        platform.MapTenantEndpoints();
        platform.MapNumberPoolEndpoints();
        platform.MapPhoneModelEndpoints();
        platform.MapMobileAssociationEndpoints();
        platform.MapApiKeyEndpoints("Operator");
        platform.MapOperatorAuditEndpoints();
    }
}
