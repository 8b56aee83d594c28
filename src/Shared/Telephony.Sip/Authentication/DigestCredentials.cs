
namespace Telephony.Sip.Authentication;

/// <summary>
/// The parameters of an Authorization / Proxy-Authorization header with the Digest scheme
/// (RFC 7616 §3.4, RFC 3261 §25.1 digest-response).
/// </summary>
public sealed record DigestCredentials(
    string Username,
    string Realm,
    string Nonce,
    string Uri,
    string Response,
    string Algorithm,
    string? Qop,
    string? NonceCount,
    string? ClientNonce,
    string? Opaque)
{
    public static bool TryParse(string? header, out DigestCredentials? credentials)
    {
        credentials = null;
        if (header is null)
        {
            return false;
        }

        var text = header.AsSpan().Trim();
        if (!text.StartsWith("Digest", StringComparison.OrdinalIgnoreCase) || text.Length < 7 || !Messages.SipSyntax.IsLinearWhiteSpace(text[6]))
        {
            return false;
        }

        var values = DigestParameters.Parse(text[7..].ToString());
        if (values is null)
        {
            return false;
        }

        if (!values.TryGetValue("username", out var username) || !values.TryGetValue("realm", out var realm) ||
            !values.TryGetValue("nonce", out var nonce) || !values.TryGetValue("uri", out var uri) ||
            !values.TryGetValue("response", out var response))
        {
            return false;
        }

        credentials = new DigestCredentials(
            username,
            realm,
            nonce,
            uri,
            response.ToLowerInvariant(),
            values.GetValueOrDefault("algorithm") ?? "MD5",
            values.GetValueOrDefault("qop"),
            values.GetValueOrDefault("nc"),
            values.GetValueOrDefault("cnonce"),
            values.GetValueOrDefault("opaque"));
        return true;
    }
}

/// <summary>The comma-separated auth-param list shared by challenges and credentials (RFC 7616 §3.3, §3.4).</summary>
internal static class DigestParameters
{
    /// <summary>Name → value (unquoted); null when malformed or a parameter is repeated.</summary>
    public static Dictionary<string, string>? Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in Split(text))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }

            var name = item[..equals].Trim();
            var value = item[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
            }

            if (!values.TryAdd(name, value))
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>Splits "a=1, b=\"x, y\"" at commas outside quoted strings.</summary>
    private static List<string> Split(string text)
    {
        var parts = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && quoted)
            {
                i++;
            }
            else if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == ',' && !quoted)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts.Where(p => p.Trim().Length > 0).ToList();
    }
}
