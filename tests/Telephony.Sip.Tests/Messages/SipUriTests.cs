using Telephony.Sip.Messages;

namespace Telephony.Sip.Tests.Messages;

public sealed class SipUriTests
{
    [Fact]
    public void TryParse_FullUri_GivesEveryPart()
    {
        Assert.True(SipUri.TryParse("sips:alice:secret@Example.COM:5061;transport=TCP;lr?subject=project%20x&priority=urgent", out var uri));

        Assert.Equal(("sips", "alice", "secret", "example.com", 5061), (uri!.Scheme, uri.User, uri.Password, uri.Host, uri.Port));
        Assert.Equal("tcp", uri.Transport);
        Assert.True(uri.Parameters.Contains("lr"));
        Assert.Null(uri.Parameters["lr"]);
        Assert.Equal("subject=project%20x&priority=urgent", uri.Headers);
    }

    [Theory]
    [InlineData("sip:[2001:db8::10]:5070", "[2001:db8::10]", 5070)]
    [InlineData("sip:192.0.2.4", "192.0.2.4", null)]
    [InlineData("sip:+33199000000@gw.example;user=phone", "gw.example", null)]
    public void TryParse_Hosts_AreNamesIpv4OrBracketedIpv6(string text, string host, int? port)
    {
        Assert.True(SipUri.TryParse(text, out var uri));
        Assert.Equal((host, port), (uri!.Host, uri.Port));
    }

    [Fact]
    public void TryParse_UserWithSemicolonAndEscapes_KeepsThemInTheUser()
    {
        Assert.True(SipUri.TryParse("sip:user;par=u%40example.net@example.com", out var uri));

        Assert.Equal("user;par=u%40example.net", uri!.User);
        Assert.Equal("user;par=u@example.net", uri.UnescapedUser);
        Assert.Equal("example.com", uri.Host);
    }

    [Theory]
    [InlineData("sip:")]
    [InlineData("sip:@example.com")]
    [InlineData("sip:alice@")]
    [InlineData("sip:alice@exa mple.com")]
    [InlineData("sip:alice@example.com:99999")]
    [InlineData("sip:alice@example.com:")]
    [InlineData("sip:alice@[2001:db8::1")]
    [InlineData("sip:alice@-bad-.example")]
    [InlineData("sip:al ice@example.com")]
    [InlineData("sip:alice@example.com;")]
    [InlineData("sip:alice@example.com;a b=c")]
    [InlineData("sip:alice%zz@example.com")]
    public void TryParse_Malformed_IsRefused(string text)
    {
        Assert.False(SipUri.TryParse(text, out _, out var error));
        Assert.Equal(SipUriParseError.Malformed, error);
    }

    [Theory]
    [InlineData("tel:+33199000000")]
    [InlineData("http://example.com")]
    [InlineData("nobodyknowsthisscheme:totallyopaquecontent")]
    public void TryParse_OtherScheme_IsUnsupported(string text)
    {
        Assert.False(SipUri.TryParse(text, out _, out var error));
        Assert.Equal(SipUriParseError.UnsupportedScheme, error);
    }

    [Fact]
    public void ToString_ParsedUri_RoundTrips() =>
        Assert.Equal("sip:alice@example.com:5060;transport=udp", Parse("sip:alice@example.com:5060;transport=udp").ToString());

    private static SipUri Parse(string text) => SipUri.TryParse(text, out var uri) ? uri! : throw new ArgumentException(text);
}
