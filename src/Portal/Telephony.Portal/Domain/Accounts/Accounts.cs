using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Domain.Accounts;

public enum AccountKind
{
    Operator,
    Manager,
    User,
}

/// <summary>
/// Someone who signs in to the portal with an e-mail and a password (A-ROLES): the password
/// is set from an invitation or reset link, and repeated failures lock the account for a while.
/// </summary>
public abstract class PortalAccount
{
    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    public const int LockoutThreshold = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public Guid Id { get; protected set; }

    public string Email { get; protected set; } = "";

    /// <summary>ASP.NET Core Identity's PBKDF2 hash; null until the invitation is accepted.</summary>
    public string? PasswordHash { get; private set; }

    public int FailedSignIns { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    public DateTime CreatedAt { get; protected set; }

    public abstract AccountKind Kind { get; }

    /// <summary>The company the account belongs to; none for the operator.</summary>
    public abstract Guid? CompanyId { get; }

    public bool IsLockedOut(DateTime now) => LockedUntil > now;

    /// <summary>Counts a failed sign-in; the <see cref="LockoutThreshold"/>th in a row locks the account.</summary>
    public void RecordFailedSignIn(DateTime now)
    {
        FailedSignIns++;
        if (FailedSignIns >= LockoutThreshold)
        {
            LockedUntil = now + LockoutDuration;
            FailedSignIns = 0;
        }
    }

    public void RecordSignIn()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }

    /// <summary>A new password (from an invitation or a reset link) also lifts a lockout.</summary>
    public void SetPasswordHash(string hash)
    {
        PasswordHash = hash;
        RecordSignIn();
    }
}

/// <summary>A platform operator (T-OPERATOR): crosses tenants, explicitly.</summary>
public sealed class OperatorAccount : PortalAccount
{
    private OperatorAccount()
    {
    }

    public string DisplayName { get; private set; } = "";

    public override AccountKind Kind => AccountKind.Operator;

    public override Guid? CompanyId => null;

    public static OperatorAccount Create(string email, string displayName, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        Email = email.Trim().ToLowerInvariant(),
        DisplayName = displayName.Trim(),
        CreatedAt = now,
    };
}

/// <summary>A company's administrator (A-ROLES); a tenant may have several.</summary>
public sealed class ManagerAccount : PortalAccount, ITenantOwned
{
    private ManagerAccount()
    {
    }

    public Guid TenantId { get; private set; }

    public string DisplayName { get; private set; } = "";

    public override AccountKind Kind => AccountKind.Manager;

    public override Guid? CompanyId => TenantId;

    public static ManagerAccount Create(Guid tenantId, string email, string displayName, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        Email = email.Trim().ToLowerInvariant(),
        DisplayName = displayName.Trim(),
        CreatedAt = now,
    };
}

/// <summary>The selfcare account of a user line's owner; the login is the line's e-mail (A-EMAIL).</summary>
public sealed class UserAccount : PortalAccount, ITenantOwned
{
    private UserAccount()
    {
    }

    public Guid TenantId { get; private set; }

    public Guid LineId { get; private set; }

    public override AccountKind Kind => AccountKind.User;

    public override Guid? CompanyId => TenantId;

    public static UserAccount Create(Guid tenantId, Guid lineId, string email, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        LineId = lineId,
        Email = email.Trim().ToLowerInvariant(),
        CreatedAt = now,
    };
}
