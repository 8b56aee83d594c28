using System.Text;
using Telephony.MediaServer.Sip;
using Telephony.MediaServer.Voicemail;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.MediaServer.Tests.Voicemail;

public sealed class VoicemailCallersTests
{
    private static SipRequest Invite(params string[] headers)
    {
        var text = "INVITE sip:voicemail@ms SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1\r\nCall-ID: a\r\nCSeq: 1 INVITE\r\nTo: <sip:voicemail@ms>\r\n"
            + string.Concat(headers.Select(h => h + "\r\n")) + "Content-Length: 0\r\n\r\n";
        var result = SipParser.Parse(Encoding.ASCII.GetBytes(text), SipFraming.Datagram);
        return (SipRequest)result.Message!;
    }

    [Fact]
    public void Of_PrefersTheAssertedIdentity()
    {
        var caller = VoicemailCallers.Of(Invite("From: \"Bob\" <sip:201@pbx>;tag=1", "P-Asserted-Identity: \"Alice Martin\" <sip:+33612345678@pbx>"));

        Assert.Equal(new VoicemailCaller("+33612345678", "Alice Martin"), caller);
    }

    [Fact]
    public void Of_WithoutAssertedIdentity_TakesTheFromUser()
    {
        Assert.Equal(new VoicemailCaller("201", null), VoicemailCallers.Of(Invite("From: <sip:201@pbx>;tag=1")));
    }

    [Theory]
    [InlineData("From: \"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=1")]
    [InlineData("From: <sip:201@pbx>;tag=1\r\nPrivacy: id")]
    public void Of_WithheldIdentity_IsAnonymous(string from)
    {
        Assert.Equal(VoicemailCaller.Anonymous, VoicemailCallers.Of(Invite(from)));
    }
}
