using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.SignIn;

/// <summary>
/// A-ROLES: the page an invitation or reset link opens. The link works once; setting the
/// password ends every other pending link of the account and lifts a lockout. Like the login,
/// it finds the account before any tenant is known.
/// </summary>
public sealed class SetPassword(PortalDbContext db, TenantContext tenantContext, IPasswordHasher<PortalAccount> hasher, TimeProvider time)
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    private static readonly Error LinkUnusable = Error.Validation("password.link", "This link has expired or was already used. Ask for a new one with \"Forgot your password?\".");

    /// <summary>The account a link opens, to greet its owner; an error when the link cannot be used.</summary>
    public async Task<Result<PortalAccount>> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        var link = await FindLinkAsync(token, cancellationToken);
        return link is null ? LinkUnusable : await AccountAsync(link, cancellationToken) is { } account ? account : LinkUnusable;
    }

    public async Task<Result<PortalAccount>> ExecuteAsync(string? token, string? password, string? confirmation, CancellationToken cancellationToken)
    {
        var link = await FindLinkAsync(token, cancellationToken);
        var account = link is null ? null : await AccountAsync(link, cancellationToken);
        if (account is null)
        {
            return LinkUnusable;
        }

        if (Check(password, account.Email) is { } weak)
        {
            return weak;
        }

        if (password != confirmation)
        {
            return Error.Validation("password.confirmation", "The two passwords differ.", "Confirmation");
        }

        var now = time.GetUtcNow().UtcDateTime;
        account.SetPasswordHash(hasher.HashPassword(account, password!));
        foreach (var pending in await db.AccountTokens.Where(t => t.AccountId == account.Id && t.UsedAt == null).ToListAsync(cancellationToken))
        {
            pending.Use(now);
        }

        await PortalAccounts.SaveAsync(db, tenantContext, account, cancellationToken);
        return account;
    }

    /// <summary>At least 10 characters, letters and a digit or symbol, not the e-mail address.</summary>
    public static Error? Check(string? password, string email)
    {
        if (password is null || password.Length is < MinLength or > MaxLength || !password.Any(char.IsLetter) || password.All(char.IsLetter) ||
            password.Contains(email, StringComparison.OrdinalIgnoreCase) || password.Distinct().Count() < 4)
        {
            return Error.Validation("password.weak", $"Choose at least {MinLength} characters, with letters and at least one digit or symbol, other than your e-mail address.", "Password");
        }

        return null;
    }

    private async Task<AccountToken?> FindLinkAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = AccountToken.Hash(token.Trim());
        var link = await db.AccountTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        return link is not null && link.IsUsable(time.GetUtcNow().UtcDateTime) ? link : null;
    }

    private async Task<PortalAccount?> AccountAsync(AccountToken link, CancellationToken cancellationToken) =>
        await PortalAccounts.FindAsync(db, link.AccountKind, link.AccountId, cancellationToken);
}

/// <summary>Accounts found across tenants by id or login, before anyone is signed in: the one place that does it.</summary>
internal static class PortalAccounts
{
    private static readonly string[] Filter = [TenantModelExtensions.FilterName];

    public static async Task<PortalAccount?> FindAsync(PortalDbContext db, AccountKind kind, Guid id, CancellationToken cancellationToken) => kind switch
    {
        AccountKind.Operator => await db.OperatorAccounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken),
        AccountKind.Manager => await db.ManagerAccounts.IgnoreQueryFilters(Filter).SingleOrDefaultAsync(a => a.Id == id, cancellationToken),
        _ => await db.UserAccounts.IgnoreQueryFilters(Filter).SingleOrDefaultAsync(a => a.Id == id, cancellationToken),
    };

    /// <summary>Saves a change to an account found before any tenant was known, acting for the account's company.</summary>
    public static async Task SaveAsync(PortalDbContext db, TenantContext tenantContext, PortalAccount account, CancellationToken cancellationToken)
    {
        using var scope = account.CompanyId is { } companyId ? tenantContext.Enter(companyId) : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The login e-mail is unique platform-wide, so at most one account matches.</summary>
    public static async Task<PortalAccount?> FindByLoginAsync(PortalDbContext db, string login, CancellationToken cancellationToken) =>
        await db.OperatorAccounts.SingleOrDefaultAsync(a => a.Email == login, cancellationToken)
        ?? await db.ManagerAccounts.IgnoreQueryFilters(Filter).SingleOrDefaultAsync(a => a.Email == login, cancellationToken)
        ?? (PortalAccount?)await db.UserAccounts.IgnoreQueryFilters(Filter).SingleOrDefaultAsync(a => a.Email == login, cancellationToken);
}
