using Telephony.Sip.Messages;

namespace Telephony.Sip.Tests.Messages;

public sealed class ViaHeaderTests
{
    [Theory]
    [InlineData("SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776", "UDP", "pc33.example.com", null)]
    [InlineData("SIP / 2.0 / TCP 192.0.2.1 : 5070 ;branch=z9hG4bK1", "TCP", "192.0.2.1", 5070)]
    [InlineData("sip/2.0/tls [2001:db8::1]:5061;branch=z9hG4bK1", "TLS", "[2001:db8::1]", 5061)]
    public void TryParse_SentProtocolAndSentBy_ToleratingWhitespace(string text, string transport, string host, int? port)
    {
        Assert.True(ViaHeader.TryParse(text, out var via));

        Assert.Equal((transport, host, port), (via!.Transport, via.Host, via.Port));
        Assert.StartsWith(ViaHeader.BranchCookie, via.Branch, StringComparison.Ordinal);
    }

    [Fact]
    public void Rport_WithoutValue_IsRequestedButUnset()
    {
        Assert.True(ViaHeader.TryParse("SIP/2.0/UDP 192.0.2.1;rport;branch=z9hG4bK1", out var via));

        Assert.True(via!.HasRport);
        Assert.Null(via.Rport);
    }

    [Fact]
    public void ToString_ReceivedAndRportSet_AreWrittenBack()
    {
        Assert.True(ViaHeader.TryParse("SIP/2.0/UDP 10.0.0.5:5060;rport;branch=z9hG4bK1", out var via));
        via!.Parameters.Set("received", "198.51.100.7");
        via.Parameters.Set("rport", "4711");

        Assert.Equal("SIP/2.0/UDP 10.0.0.5:5060;rport=4711;branch=z9hG4bK1;received=198.51.100.7", via.ToString());
    }

    [Theory]
    [InlineData("SIP/2.0/UDP")]
    [InlineData("SIP/3.0/UDP host")]
    [InlineData("SIP/2.0/UDPhost")]
    [InlineData("SIP/2.0/UDP host:port")]
    [InlineData("SIP/2.0/UDP host;branch")]
    [InlineData("SIP/2.0/UDP host;=x")]
    public void TryParse_Malformed_IsRefused(string text) => Assert.False(ViaHeader.TryParse(text, out _));
}
