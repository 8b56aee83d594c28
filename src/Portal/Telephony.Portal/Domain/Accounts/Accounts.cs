using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Domain.Accounts;

/// <summary>Someone who signs in to the portal with an e-mail and a password.</summary>
public interface IPortalAccount
{
    Guid Id { get; }

    string Email { get; }

    /// <summary>ASP.NET Core Identity's PBKDF2 hash; null until the invitation is accepted.</summary>
    string? PasswordHash { get; }
}

/// <summary>A platform operator (T-OPERATOR): crosses tenants, explicitly.</summary>
public sealed class OperatorAccount : IPortalAccount
{
    private OperatorAccount()
    {
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string? PasswordHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static OperatorAccount Create(string email, string displayName, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        Email = email.Trim().ToLowerInvariant(),
        DisplayName = displayName.Trim(),
        CreatedAt = now,
    };

    public void SetPasswordHash(string hash) => PasswordHash = hash;
}

/// <summary>A company's administrator (A-ROLES); a tenant may have several.</summary>
public sealed class ManagerAccount : IPortalAccount, ITenantOwned
{
    private ManagerAccount()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Email { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string? PasswordHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static ManagerAccount Create(Guid tenantId, string email, string displayName, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        Email = email.Trim().ToLowerInvariant(),
        DisplayName = displayName.Trim(),
        CreatedAt = now,
    };

    public void SetPasswordHash(string hash) => PasswordHash = hash;
}

/// <summary>The selfcare account of a user line's owner; the login is the line's e-mail (A-EMAIL).</summary>
public sealed class UserAccount : IPortalAccount, ITenantOwned
{
    private UserAccount()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid LineId { get; private set; }

    public string Email { get; private set; } = "";

    public string? PasswordHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static UserAccount Create(Guid tenantId, Guid lineId, string email, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        LineId = lineId,
        Email = email.Trim().ToLowerInvariant(),
        CreatedAt = now,
    };

    public void SetPasswordHash(string hash) => PasswordHash = hash;
}
