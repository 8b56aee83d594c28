using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.SignIn;

public static class PortalRoles
{
    public const string Operator = "Operator";
    public const string Manager = "Manager";
    public const string User = "User";
}

public static class PortalClaims
{
    public const string TenantId = "tenant_id";
    public const string AccountId = "account_id";

    /// <summary>A user's own line (role User).</summary>
    public const string LineId = "line_id";

    /// <summary>Present when the principal is an API key rather than a signed-in person.</summary>
    public const string ApiKey = "api_key";
}

/// <summary>
/// Checks an e-mail and password against operator, manager and user accounts (the login
/// e-mail is unique platform-wide, so at most one matches) and builds the principal. This is
/// the one place that looks up accounts across tenants, before any tenant is known.
/// </summary>
public sealed class SignInAccount(PortalDbContext db, IPasswordHasher<IPortalAccount> hasher)
{
    private static readonly Error InvalidCredentials =
        Error.Validation("sign-in.invalid", "The e-mail address or the password is wrong.", "Password");

    public async Task<Result<ClaimsPrincipal>> ExecuteAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return Error.Validation("sign-in.missing", "Enter your e-mail address and your password.", string.IsNullOrWhiteSpace(email) ? "Email" : "Password");
        }

        var (account, role, tenantId) = await FindAsync(email.Trim().ToLowerInvariant(), cancellationToken);
        if (account?.PasswordHash is null || hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            return InvalidCredentials;
        }

        if (tenantId is { } id && await db.Tenants.AnyAsync(t => t.Id == id && t.Status == TenantStatus.Suspended, cancellationToken))
        {
            return Error.Validation("sign-in.suspended", "Your company's account is suspended. Contact your operator.", "Email");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.Email),
            new(ClaimTypes.Role, role),
            new(PortalClaims.AccountId, account.Id.ToString()),
        };
        if (tenantId is { } tenant)
        {
            claims.Add(new Claim(PortalClaims.TenantId, tenant.ToString()));
        }

        if (account is UserAccount user)
        {
            claims.Add(new Claim(PortalClaims.LineId, user.LineId.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    private async Task<(IPortalAccount? Account, string Role, Guid? TenantId)> FindAsync(string login, CancellationToken cancellationToken)
    {
        string[] filter = [TenantModelExtensions.FilterName];
        if (await db.OperatorAccounts.SingleOrDefaultAsync(a => a.Email == login, cancellationToken) is { } op)
        {
            return (op, PortalRoles.Operator, null);
        }

        if (await db.ManagerAccounts.IgnoreQueryFilters(filter).SingleOrDefaultAsync(a => a.Email == login, cancellationToken) is { } manager)
        {
            return (manager, PortalRoles.Manager, manager.TenantId);
        }

        if (await db.UserAccounts.IgnoreQueryFilters(filter).SingleOrDefaultAsync(a => a.Email == login, cancellationToken) is { } user)
        {
            return (user, PortalRoles.User, user.TenantId);
        }

        return (null, "", null);
    }
}
