using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Infrastructure.Api;

/// <summary>
/// A-API: requests under <c>/api/v1</c> authenticate with an API key
/// (<c>Authorization: Bearer tk_…</c> or <c>X-Api-Key: tk_…</c>), never with the portal's
/// session cookie, so the API needs no antiforgery token. A company key acts as a manager of
/// that company; a platform key acts as the operator. Failures answer 401/403 as problem details.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PortalDbContext db) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string FailureItem = "api-key-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenFrom(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeyToken.TryParse(token, out var keyId, out var secret))
        {
            return Fail("The API key is malformed.");
        }

        string[] filter = [TenantModelExtensions.FilterName];
        IApiKey? key = await db.ManagerApiKeys.IgnoreQueryFilters(filter).AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyId, Context.RequestAborted)
            ?? (IApiKey?)await db.OperatorApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyId, Context.RequestAborted);
        if (key is null || key.RevokedAt is not null || !ApiKeyToken.Matches(secret, key.SecretHash))
        {
            return Fail("The API key is unknown or revoked.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, key.Name),
            new(PortalClaims.AccountId, key.Id.ToString()),
            new(PortalClaims.ApiKey, "true"),
        };
        if (key is ManagerApiKey manager)
        {
            var suspended = await db.Tenants.AnyAsync(t => t.Id == manager.TenantId && t.Status == TenantStatus.Suspended, Context.RequestAborted);
            if (suspended)
            {
                return Fail("Your company's account is suspended. Contact your operator.");
            }

            claims.Add(new Claim(ClaimTypes.Role, PortalRoles.Manager));
            claims.Add(new Claim(PortalClaims.TenantId, manager.TenantId.ToString()));
        }
        else
        {
            claims.Add(new Claim(ClaimTypes.Role, PortalRoles.Operator));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = Context.Items[FailureItem] as string ?? "Send an API key: Authorization: Bearer tk_…";
        return Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(detail: "This API key may not use this endpoint.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(Context);

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureItem] = reason;
        LogRejected(Logger, Context.Connection.RemoteIpAddress?.ToString() ?? "-", reason);
        return AuthenticateResult.Fail(reason);
    }

    private static string? TokenFrom(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization[7..].Trim();
        }

        return request.Headers.TryGetValue("X-Api-Key", out var header) ? header.ToString().Trim() : null;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "API key rejected from {RemoteAddress}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string remoteAddress, string reason);
}
