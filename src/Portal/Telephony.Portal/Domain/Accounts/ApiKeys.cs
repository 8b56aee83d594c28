using System.Security.Cryptography;
using System.Text;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Domain.Accounts;

/// <summary>
/// The token an API client sends: <c>tk_&lt;key id&gt;_&lt;secret&gt;</c>. Only a SHA-256 of the
/// 256-bit random secret is stored (a slow hash adds nothing against a secret that cannot be
/// guessed), so the token is shown once, when issued.
/// </summary>
public static class ApiKeyToken
{
    private const string Prefix = "tk_";

    public static (string Token, string SecretHash) Issue(Guid keyId)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}{keyId:N}_{secret}", Hash(secret));
    }

    public static bool TryParse(string? token, out Guid keyId, out string secret)
    {
        keyId = Guid.Empty;
        secret = "";
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length != Prefix.Length + 32 + 1 + 43 || token[Prefix.Length + 32] != '_')
        {
            return false;
        }

        secret = token[(Prefix.Length + 33)..];
        return Guid.TryParseExact(token.AsSpan(Prefix.Length, 32), "N", out keyId);
    }

    public static bool Matches(string secret, string secretHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(secretHash));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>What API keys of both scopes have in common.</summary>
public interface IApiKey
{
    Guid Id { get; }

    string Name { get; }

    string SecretHash { get; }

    DateTime CreatedAt { get; }

    DateTime? RevokedAt { get; }
}

/// <summary>A company's API key (A-API): acts as a manager of that company.</summary>
public sealed class ManagerApiKey : IApiKey, ITenantOwned
{
    private ManagerApiKey()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; } = "";

    public string SecretHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    /// <summary>A new key and its token, which is not kept.</summary>
    public static (ManagerApiKey Key, string Token) Issue(Guid tenantId, string name, DateTime now)
    {
        var id = Guid.NewGuid();
        var (token, hash) = ApiKeyToken.Issue(id);
        return (new ManagerApiKey { Id = id, TenantId = tenantId, Name = name.Trim(), SecretHash = hash, CreatedAt = now }, token);
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;
}

/// <summary>A platform API key (A-API): acts as the operator, across tenants.</summary>
public sealed class OperatorApiKey : IApiKey
{
    private OperatorApiKey()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string SecretHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public static (OperatorApiKey Key, string Token) Issue(string name, DateTime now)
    {
        var id = Guid.NewGuid();
        var (token, hash) = ApiKeyToken.Issue(id);
        return (new OperatorApiKey { Id = id, Name = name.Trim(), SecretHash = hash, CreatedAt = now }, token);
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
