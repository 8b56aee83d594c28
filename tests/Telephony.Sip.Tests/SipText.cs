using System.Text;

namespace Telephony.Sip.Tests;

/// <summary>Test messages written with "\n" line ends, sent with CRLF as SIP requires.</summary>
internal static class SipText
{
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));

    public const string Invite = """
        INVITE sip:201@demo.sip.test SIP/2.0
        Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport
        Max-Forwards: 70
        To: <sip:201@demo.sip.test>
        From: "Alice Martin" <sip:33199000000@demo.sip.test>;tag=1928301774
        Call-ID: a84b4c76e66710@192.0.2.10
        CSeq: 314159 INVITE
        Contact: <sip:33199000000@192.0.2.10:5060>
        Content-Type: application/sdp
        Content-Length: 5

        v=0

        """;

    public const string Ringing = """
        SIP/2.0 180 Ringing
        Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;received=198.51.100.7;rport=4711
        To: <sip:201@demo.sip.test>;tag=a6c85cf
        From: "Alice Martin" <sip:33199000000@demo.sip.test>;tag=1928301774
        Call-ID: a84b4c76e66710@192.0.2.10
        CSeq: 314159 INVITE
        Content-Length: 0


        """;
}
