using System.Text.RegularExpressions;
using Telephony.Sip.Authentication;

namespace Telephony.Sip.Tests.Authentication;

public sealed partial class DigestAuthenticatorTests
{
    private const string Realm = "demo.sip.test";
    private readonly FakeTimeProvider _time = new();
    private readonly DigestAuthenticator _authenticator;
    private readonly DigestSecret _secret = DigestAuthenticator.SecretFor("33199000000", Realm, "correct-horse-battery");

    public DigestAuthenticatorTests() => _authenticator = new DigestAuthenticator(new byte[32], _time);

    [Fact]
    [Trait("Rfc", "2617-3.5")]
    public void ExpectedResponse_Rfc2617Example_IsTheKnownMd5Response()
    {
        var credentials = new DigestCredentials("Mufasa", "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "/dir/index.html", "", "MD5", "auth", "00000001", "0a4f113b", null);
        var ha1 = DigestAuthenticator.SecretFor("Mufasa", "testrealm@host.com", "Circle Of Life").Ha1Md5;

        Assert.Equal("6629fae49393a05397450978507c4ef1", DigestAuthenticator.ExpectedResponse(credentials, "GET", ha1));
    }

    [Fact]
    [Trait("Rfc", "7616-3.9.1")]
    public void ExpectedResponse_Rfc7616Example_IsTheKnownSha256Response()
    {
        var credentials = new DigestCredentials("Mufasa", "http-auth@example.org", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "/dir/index.html", "", "SHA-256", "auth", "00000001", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", null);
        var ha1 = DigestAuthenticator.SecretFor("Mufasa", "http-auth@example.org", "Circle of Life").Ha1Sha256;

        Assert.Equal("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", DigestAuthenticator.ExpectedResponse(credentials, "GET", ha1));
    }

    [Fact]
    [Trait("Rfc", "8760-2")]
    public void Challenges_OfferSha256FirstThenMd5_WithQopAuth()
    {
        var challenges = _authenticator.Challenges(Realm);

        Assert.Equal(2, challenges.Count);
        Assert.Contains("algorithm=SHA-256", challenges[0], StringComparison.Ordinal);
        Assert.Contains("algorithm=MD5", challenges[1], StringComparison.Ordinal);
        Assert.All(challenges, c => Assert.Contains("qop=\"auth\"", c, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA-256")]
    public void Verify_RightPasswordOnOurNonce_IsValid(string algorithm)
    {
        var credentials = Answer(algorithm, "correct-horse-battery", "00000001");

        Assert.Equal(DigestVerdict.Valid, _authenticator.Verify(credentials, "REGISTER", Realm, _secret));
    }

    [Theory]
    [InlineData(0, "SHA-256")]
    [InlineData(1, "MD5")]
    public void DigestClient_AnsweringOurChallenge_IsValid(int challengeIndex, string algorithm)
    {
        Assert.True(DigestChallenge.TryParse(_authenticator.Challenges(Realm)[challengeIndex], out var challenge));
        Assert.Equal(algorithm, challenge!.Algorithm);

        var authorization = DigestClient.Authorize(challenge, "REGISTER", "sip:demo.sip.test", "33199000000", "correct-horse-battery");

        Assert.True(DigestCredentials.TryParse(authorization, out var credentials));
        Assert.Equal(DigestVerdict.Valid, _authenticator.Verify(credentials!, "REGISTER", Realm, _secret));
    }

    [Fact]
    public void Verify_AlgorithmNotOffered_IsInvalid()
    {
        var md5Only = new DigestAuthenticator(new byte[32], _time, algorithms: ["MD5"]);
        var sha = Answer("SHA-256", "correct-horse-battery", "00000001", md5Only);

        Assert.Equal(DigestVerdict.Invalid, md5Only.Verify(sha, "REGISTER", Realm, _secret));
    }

    [Fact]
    public void Verify_WrongPassword_IsInvalid() =>
        Assert.Equal(DigestVerdict.Invalid, _authenticator.Verify(Answer("MD5", "wrong", "00000001"), "REGISTER", Realm, _secret));

    [Fact]
    public void Verify_NonceOlderThanItsLifetime_IsStale()
    {
        var credentials = Answer("SHA-256", "correct-horse-battery", "00000001");

        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(1));

        Assert.Equal(DigestVerdict.Stale, _authenticator.Verify(credentials, "REGISTER", Realm, _secret));
    }

    [Fact]
    public void Verify_NonceForgedOrIssuedForAnotherRealm_IsInvalid()
    {
        var other = new DigestAuthenticator(Enumerable.Repeat((byte)7, 32).ToArray(), _time);
        var forged = Answer("MD5", "correct-horse-battery", "00000001", other);

        Assert.Equal(DigestVerdict.Invalid, _authenticator.Verify(forged, "REGISTER", Realm, _secret));
        Assert.Equal(DigestVerdict.Invalid, _authenticator.Verify(Answer("MD5", "correct-horse-battery", "00000001"), "REGISTER", "other.sip.test", _secret));
    }

    [Fact]
    public void Verify_ReplayedNonceCount_IsInvalid_IncreasingOneIsValid()
    {
        var first = Answer("MD5", "correct-horse-battery", "00000001");
        var nonce = first.Nonce;

        Assert.Equal(DigestVerdict.Valid, _authenticator.Verify(first, "REGISTER", Realm, _secret));
        Assert.Equal(DigestVerdict.Invalid, _authenticator.Verify(first, "REGISTER", Realm, _secret));
        Assert.Equal(DigestVerdict.Valid, _authenticator.Verify(Answer("MD5", "correct-horse-battery", "00000002", nonce: nonce), "REGISTER", Realm, _secret));
    }

    [Fact]
    public void Verify_NonceWhoseCountSlotALaterNonceTook_IsStale_AndTheLaterOneStaysProtected()
    {
        var small = new DigestAuthenticator(Enumerable.Repeat((byte)42, 32).ToArray(), _time, null, null, nonceSlots: 4);
        var early = Answer("MD5", "correct-horse-battery", "00000001", small);
        for (var i = 0; i < 3; i++)
        {
            small.Challenges(Realm);
        }

        var late = Answer("MD5", "correct-horse-battery", "00000001", small); // the fifth nonce: the first one's slot

        Assert.Equal(DigestVerdict.Valid, small.Verify(late, "REGISTER", Realm, _secret));
        Assert.Equal(DigestVerdict.Stale, small.Verify(early, "REGISTER", Realm, _secret));
        Assert.Equal(DigestVerdict.Invalid, small.Verify(late, "REGISTER", Realm, _secret));
    }

    [Fact]
    public void Parse_AuthorizationHeader_ReadsQuotedValuesWithCommas()
    {
        const string header = "Digest username=\"33199000000\", realm=\"demo.sip.test\", nonce=\"abc\", uri=\"sip:demo.sip.test\", response=\"ABCDEF\", algorithm=SHA-256, cnonce=\"x, y\", qop=auth, nc=0000000a";

        Assert.True(DigestCredentials.TryParse(header, out var credentials));

        Assert.Equal(("33199000000", "x, y", "0000000a", "abcdef", "SHA-256"), (credentials!.Username, credentials.ClientNonce, credentials.NonceCount, credentials.Response, credentials.Algorithm));
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Digest username=\"a\", realm=\"r\"")]
    [InlineData("Digest username=\"a\", username=\"b\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"")]
    [InlineData("Digestusername=\"a\"")]
    public void Parse_NotUsableDigest_IsRefused(string header) => Assert.False(DigestCredentials.TryParse(header, out _));

    /// <summary>What a client answers to our challenge, computed independently of the server code.</summary>
    private DigestCredentials Answer(string algorithm, string password, string nc, DigestAuthenticator? issuer = null, string? nonce = null)
    {
        nonce ??= NonceOf().Match((issuer ?? _authenticator).Challenges(Realm)[0]).Groups[1].Value;
        var secret = DigestAuthenticator.SecretFor("33199000000", Realm, password);
        var ha1 = algorithm == "MD5" ? secret.Ha1Md5 : secret.Ha1Sha256;
        var draft = new DigestCredentials("33199000000", Realm, nonce, "sip:demo.sip.test", "", algorithm, "auth", nc, "client-nonce", null);
        return draft with { Response = DigestAuthenticator.ExpectedResponse(draft, "REGISTER", ha1)! };
    }

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex NonceOf();
}
