using System.Globalization;
using System.Security.Cryptography;

namespace Telephony.Sip.Authentication;

/// <summary>One parsed WWW-Authenticate / Proxy-Authenticate Digest challenge.</summary>
public sealed record DigestChallenge(string Realm, string Nonce, string Algorithm, string? Qop, string? Opaque, bool Stale)
{
    public static bool TryParse(string? header, out DigestChallenge? challenge)
    {
        challenge = null;
        if (header is null || !header.TrimStart().StartsWith("Digest", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parameters = DigestParameters.Parse(header.TrimStart()[6..]);
        if (parameters is null || !parameters.TryGetValue("realm", out var realm) || !parameters.TryGetValue("nonce", out var nonce))
        {
            return false;
        }

        challenge = new DigestChallenge(
            realm,
            nonce,
            parameters.GetValueOrDefault("algorithm") ?? "MD5",
            parameters.GetValueOrDefault("qop"),
            parameters.GetValueOrDefault("opaque"),
            string.Equals(parameters.GetValueOrDefault("stale"), "true", StringComparison.OrdinalIgnoreCase));
        return true;
    }
}

/// <summary>
/// Client-side digest (RFC 7616 §3.4): the Authorization value answering a challenge, for our
/// own requests to carriers that authenticate us, and for tests acting as phones.
/// </summary>
public static class DigestClient
{
    public static string Authorize(DigestChallenge challenge, string method, string uri, string username, string password, int nonceCount = 1)
    {
        var secret = DigestAuthenticator.SecretFor(username, challenge.Realm, password);
        var ha1 = challenge.Algorithm.Equals("SHA-256", StringComparison.OrdinalIgnoreCase) ? secret.Ha1Sha256 : secret.Ha1Md5;
        var useQop = challenge.Qop?.Split(',').Any(q => q.Trim() == "auth") == true;
        var cnonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var nc = nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        var draft = new DigestCredentials(username, challenge.Realm, challenge.Nonce, uri, "", challenge.Algorithm, useQop ? "auth" : null, useQop ? nc : null, useQop ? cnonce : null, challenge.Opaque);
        var response = DigestAuthenticator.ExpectedResponse(draft, method, ha1)
            ?? throw new NotSupportedException($"Digest algorithm {challenge.Algorithm} is not supported.");

        var value = $"Digest username=\"{username}\", realm=\"{challenge.Realm}\", nonce=\"{challenge.Nonce}\", uri=\"{uri}\", response=\"{response}\", algorithm={challenge.Algorithm}";
        if (useQop)
        {
            value += $", qop=auth, nc={nc}, cnonce=\"{cnonce}\"";
        }

        if (challenge.Opaque is not null)
        {
            value += $", opaque=\"{challenge.Opaque}\"";
        }

        return value;
    }
}
