using System.Security.Cryptography;
using System.Text;

namespace Telephony.Portal.Domain.Accounts;

public enum AccountTokenPurpose
{
    /// <summary>First sign-in: the link in the invitation e-mail sets the password.</summary>
    Invitation,

    PasswordReset,
}

/// <summary>
/// A one-time link to set a password (A-ROLES): 256 random bits in the e-mailed link, only
/// their SHA-256 kept; it works once, before it expires, and a newer link of the same purpose
/// replaces it. Not tenant-owned: it is looked up before anyone is signed in, like the login.
/// </summary>
public sealed class AccountToken
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);

    private AccountToken()
    {
    }

    public Guid Id { get; private set; }

    public string TokenHash { get; private set; } = "";

    public Guid AccountId { get; private set; }

    public AccountKind AccountKind { get; private set; }

    public AccountTokenPurpose Purpose { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }

    public static (AccountToken Token, string Secret) Issue(PortalAccount account, AccountTokenPurpose purpose, DateTime now)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new AccountToken
        {
            Id = Guid.NewGuid(),
            TokenHash = Hash(secret),
            AccountId = account.Id,
            AccountKind = account.Kind,
            Purpose = purpose,
            CreatedAt = now,
            ExpiresAt = now + (purpose == AccountTokenPurpose.Invitation ? InvitationLifetime : ResetLifetime),
        };
        return (token, secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    public bool IsUsable(DateTime now) => UsedAt is null && ExpiresAt > now;

    public void Use(DateTime now) => UsedAt ??= now;
}
