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
/// e-mail is unique platform-wide, so at most one matches) and builds the principal. Five
/// wrong passwords in a row lock the account for 15 minutes (A-ROLES).
/// </summary>
public sealed class SignInAccount(PortalDbContext db, TenantContext tenantContext, IPasswordHasher<PortalAccount> hasher, TimeProvider time)
{
    private static readonly Error InvalidCredentials =
        Error.Validation("sign-in.invalid", "The e-mail address or the password is wrong.", "Password");

    public async Task<Result<ClaimsPrincipal>> ExecuteAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return Error.Validation("sign-in.missing", "Enter your e-mail address and your password.", string.IsNullOrWhiteSpace(email) ? "Email" : "Password");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var account = await PortalAccounts.FindByLoginAsync(db, email.Trim().ToLowerInvariant(), cancellationToken);
        if (account is not null && account.IsLockedOut(now))
        {
            var minutes = (int)Math.Ceiling((account.LockedUntil!.Value - now).TotalMinutes);
            return Error.Validation("sign-in.locked", $"Too many wrong passwords: this account is locked for {minutes} more minute(s). You can also reset your password.", "Password");
        }

        if (account?.PasswordHash is null || hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            if (account?.PasswordHash is not null)
            {
                account.RecordFailedSignIn(now);
                await PortalAccounts.SaveAsync(db, tenantContext, account, cancellationToken);
            }

            return InvalidCredentials;
        }

        if (account.CompanyId is { } id && await db.Tenants.AnyAsync(t => t.Id == id && t.Status == TenantStatus.Suspended, cancellationToken))
        {
            return Error.Validation("sign-in.suspended", "Your company's account is suspended. Contact your operator.", "Email");
        }

        if (account.FailedSignIns > 0)
        {
            account.RecordSignIn();
            await PortalAccounts.SaveAsync(db, tenantContext, account, cancellationToken);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.Email),
            new(ClaimTypes.Role, RoleOf(account.Kind)),
            new(PortalClaims.AccountId, account.Id.ToString()),
        };
        if (account.CompanyId is { } tenant)
        {
            claims.Add(new Claim(PortalClaims.TenantId, tenant.ToString()));
        }

        if (account is UserAccount user)
        {
            claims.Add(new Claim(PortalClaims.LineId, user.LineId.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    private static string RoleOf(AccountKind kind) => kind switch
    {
        AccountKind.Operator => PortalRoles.Operator,
        AccountKind.Manager => PortalRoles.Manager,
        _ => PortalRoles.User,
    };
}
