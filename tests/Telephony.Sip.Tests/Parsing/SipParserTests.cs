using System.Text;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Tests.Parsing;

public sealed class SipParserTests
{
    [Theory]
    [InlineData(SipFraming.Datagram)]
    [InlineData(SipFraming.Stream)]
    public void Parse_Invite_GivesTheRequestWithItsHeadersAndBody(SipFraming framing)
    {
        var bytes = SipText.Bytes(SipText.Invite);

        var result = SipParser.Parse(bytes, framing);

        Assert.Equal(SipParseStatus.Complete, result.Status);
        Assert.Equal(bytes.Length, result.Consumed);
        var request = Assert.IsType<SipRequest>(result.Message);
        Assert.Equal(SipMethod.Invite, request.Method);
        Assert.Equal(("201", "demo.sip.test"), (request.RequestUri.User, request.RequestUri.Host));
        Assert.Equal("a84b4c76e66710@192.0.2.10", request.CallId);
        Assert.Equal(new CSeqHeader(314159, "INVITE"), request.CSeq);
        Assert.Equal("1928301774", request.From!.Tag);
        Assert.Equal("Alice Martin", request.From.DisplayName);
        Assert.Null(request.To!.Tag);
        Assert.Equal(70, request.MaxForwards);
        Assert.Equal("z9hG4bK776asdhds", request.TopVia!.Branch);
        Assert.True(request.TopVia.HasRport);
        Assert.Equal("v=0\r\n", Encoding.ASCII.GetString(request.Body.Span));
    }

    [Fact]
    public void ParsedHeaders_ReadAgainAfterAChange_ShowTheChange()
    {
        var request = (SipRequest)SipParser.Parse(SipText.Bytes(SipText.Invite), SipFraming.Datagram).Message!;
        Assert.Null(request.To!.Tag);
        Assert.Equal("z9hG4bK776asdhds", request.TopVia!.Branch);

        request.Headers.Set(SipHeaderNames.To, "<sip:201@demo.sip.test>;tag=callee");
        request.Headers.ReplaceFirstValue(SipHeaderNames.Via, "SIP/2.0/UDP 192.0.2.20;branch=z9hG4bKother");
        request.Headers.Remove(SipHeaderNames.CallId);

        Assert.Equal("callee", request.To!.Tag);
        Assert.Equal("z9hG4bKother", request.TopVia!.Branch);
        Assert.Null(request.CallId);
        Assert.Same(request.To, request.To);
    }

    [Fact]
    public void Parse_Response_GivesStatusReasonAndViaParameters()
    {
        var result = SipParser.Parse(SipText.Bytes(SipText.Ringing), SipFraming.Datagram);

        var response = Assert.IsType<SipResponse>(result.Message);
        Assert.Equal((180, "Ringing"), (response.StatusCode, response.ReasonPhrase));
        Assert.Equal(("198.51.100.7", 4711), (response.TopVia!.Received, response.TopVia.Rport));
        Assert.Equal("a6c85cf", response.To!.Tag);
    }

    [Fact]
    public void Parse_CompactForms_AreExpandedToCanonicalNames()
    {
        var text = """
            OPTIONS sip:demo.sip.test SIP/2.0
            v: SIP/2.0/TCP 192.0.2.10;branch=z9hG4bKcompact
            t: <sip:demo.sip.test>
            f: <sip:alice@demo.sip.test>;tag=1
            i: compact@192.0.2.10
            CSeq: 1 OPTIONS
            l: 0


            """;

        var request = Assert.IsType<SipRequest>(SipParser.Parse(SipText.Bytes(text), SipFraming.Stream).Message);

        Assert.Equal("compact@192.0.2.10", request.Headers[SipHeaderNames.CallId]);
        Assert.Equal(["Via", "To", "From", "Call-ID", "CSeq", "Content-Length"], request.Headers.Select(h => h.Name));
    }

    [Fact]
    public void Parse_FoldedHeaderAndUnknownHeader_AreUnfoldedAndPreserved()
    {
        var text = SipText.Invite.Replace("Max-Forwards: 70\n", "Max-Forwards: 70\nX-Custom-Thing:  first part\n\t second part\nSubject:\n", StringComparison.Ordinal);

        var request = Assert.IsType<SipRequest>(SipParser.Parse(SipText.Bytes(text), SipFraming.Datagram).Message);

        Assert.Equal("first part second part", request.Headers["x-custom-thing"]);
        Assert.Equal("", request.Headers["Subject"]);
        Assert.Contains("X-Custom-Thing: first part second part\r\n", request.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MultipleViasOnOneLineAndSeveralLines_KeepsTheirOrder()
    {
        var text = SipText.Invite.Replace(
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\n",
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1, SIP/2.0/TCP proxy.example;branch=z9hG4bK2\nv: SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bK3\n",
            StringComparison.Ordinal);

        var request = SipParser.Parse(SipText.Bytes(text), SipFraming.Datagram).Message!;

        Assert.Equal(3, request.Vias.Count);
        Assert.Equal("z9hG4bK1", request.TopVia!.Branch);
        Assert.True(ViaHeader.TryParse(request.Vias[2], out var third));
        Assert.Equal(("[2001:db8::9]", 5070), (third!.Host, third.Port));
    }

    [Fact]
    public void Serialize_ParsedMessage_ParsesBackToTheSameHeadersAndBody()
    {
        var original = SipParser.Parse(SipText.Bytes(SipText.Invite), SipFraming.Stream).Message!;

        var reparsed = SipParser.Parse(original.ToBytes(), SipFraming.Stream).Message!;

        Assert.Equal(original.Headers.Select(h => (h.Name, h.Value)), reparsed.Headers.Select(h => (h.Name, h.Value)));
        Assert.Equal(original.Body.ToArray(), reparsed.Body.ToArray());
        Assert.Equal(original.StartLine, reparsed.StartLine);
    }

    [Fact]
    public void Parse_StreamPrefixes_AreIncompleteAndConsumeNothing()
    {
        var bytes = SipText.Bytes(SipText.Invite);

        for (var length = 0; length < bytes.Length; length++)
        {
            var result = SipParser.Parse(bytes.AsSpan(0, length), SipFraming.Stream);
            Assert.True(result.Status == SipParseStatus.Incomplete, $"prefix of {length} bytes gave {result.Status}");
            Assert.Equal(0, result.Consumed);
        }
    }

    [Fact]
    public void Parse_TwoPipelinedStreamMessages_AreReadOneAfterTheOther()
    {
        var first = SipText.Bytes(SipText.Invite);
        var second = SipText.Bytes(SipText.Ringing);
        var both = first.Concat(second).ToArray();

        var one = SipParser.Parse(both, SipFraming.Stream);
        var two = SipParser.Parse(both.AsSpan(one.Consumed), SipFraming.Stream);

        Assert.Equal(first.Length, one.Consumed);
        Assert.IsType<SipRequest>(one.Message);
        Assert.Equal(second.Length, two.Consumed);
        Assert.IsType<SipResponse>(two.Message);
    }

    [Fact]
    public void Parse_StreamCrlfKeepAlive_IsConsumedAsKeepAlive()
    {
        var result = SipParser.Parse("\r\n\r\nINVITE"u8, SipFraming.Stream);

        Assert.Equal((SipParseStatus.KeepAlive, 4), (result.Status, result.Consumed));
    }

    [Theory]
    [InlineData(new byte[] { 13, 10, 13, 10 })]
    [InlineData(new byte[] { 0, 0, 0, 0 })]
    [InlineData(new byte[] { 13, 10 })]
    public void Parse_BlankDatagram_IsAKeepAlive(byte[] datagram) =>
        Assert.Equal(SipParseStatus.KeepAlive, SipParser.Parse(datagram, SipFraming.Datagram).Status);

    [Fact]
    public void Parse_StreamWithoutContentLength_IsRejected()
    {
        var text = SipText.Ringing.Replace("Content-Length: 0\n", "", StringComparison.Ordinal);

        var result = SipParser.Parse(SipText.Bytes(text), SipFraming.Stream);

        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.Equal(400, result.Rejection!.StatusCode);
    }

    [Fact]
    public void Parse_DatagramLongerThanContentLength_CutsTheBody()
    {
        var bytes = SipText.Bytes(SipText.Invite).Concat("garbage"u8.ToArray()).ToArray();

        var request = SipParser.Parse(bytes, SipFraming.Datagram).Message!;

        Assert.Equal("v=0\r\n", Encoding.ASCII.GetString(request.Body.Span));
    }

    [Fact]
    public void Parse_DatagramWithoutContentLength_TakesTheRestAsBody()
    {
        var text = SipText.Invite.Replace("Content-Length: 5\n", "", StringComparison.Ordinal);

        var request = SipParser.Parse(SipText.Bytes(text), SipFraming.Datagram).Message!;

        Assert.Equal("v=0\r\n", Encoding.ASCII.GetString(request.Body.Span));
    }

    [Theory]
    [InlineData("Content-Length: 5\n", "Content-Length: 50\n", 400)]
    [InlineData("Content-Length: 5\n", "Content-Length: -5\n", 400)]
    [InlineData("Content-Length: 5\n", "Content-Length: 5\nContent-Length: 6\n", 400)]
    [InlineData("CSeq: 314159 INVITE\n", "CSeq: 314159 BYE\n", 400)]
    [InlineData("CSeq: 314159 INVITE\n", "CSeq: 2147483648 INVITE\n", 400)]
    [InlineData("CSeq: 314159 INVITE\n", "", 400)]
    [InlineData("From: \"Alice Martin\" <sip:33199000000@demo.sip.test>;tag=1928301774\n", "From: <sip:alice@demo.sip.test\n", 400)]
    [InlineData("To: <sip:201@demo.sip.test>\n", "", 400)]
    [InlineData("Max-Forwards: 70\n", "Max-Forwards: seventy\n", 400)]
    [InlineData("Max-Forwards: 70\n", "Max-Forwards 70\n", 400)]
    [InlineData("INVITE sip:201@demo.sip.test SIP/2.0", "INVITE sip:201@demo.sip.test SIP/7.0", 505)]
    [InlineData("INVITE sip:201@demo.sip.test SIP/2.0", "INVITE nobodyknowsthis:201@demo SIP/2.0", 416)]
    public void Parse_FaultyRequestWithRoutableVia_IsRejectedWithTheStatusToAnswer(string replace, string with, int status)
    {
        var text = SipText.Invite.Replace(replace, with, StringComparison.Ordinal);

        var result = SipParser.Parse(SipText.Bytes(text), SipFraming.Datagram);

        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.Equal(status, result.Rejection!.StatusCode);
        Assert.True(result.Rejection.CanRespond, result.Rejection.Reason);
        var response = SipResponse.For(result.Rejection.Request!, status);
        Assert.Equal("a84b4c76e66710@192.0.2.10", response.CallId);
    }

    [Theory]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\n", "")]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\n", "Via: SIP/2.0/UDP\n")]
    [InlineData("Call-ID: a84b4c76e66710@192.0.2.10\n", "")]
    [InlineData("INVITE sip:201@demo.sip.test SIP/2.0", "INVITE  sip:201@demo.sip.test SIP/2.0")]
    [InlineData("INVITE sip:201@demo.sip.test SIP/2.0", "INVITE sip:201@demo.sip.test")]
    public void Parse_RequestWithoutRoutableViaOrCallId_IsInvalidAndCannotBeAnswered(string replace, string with)
    {
        var text = SipText.Invite.Replace(replace, with, StringComparison.Ordinal);

        var result = SipParser.Parse(SipText.Bytes(text), SipFraming.Datagram);

        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.False(result.Rejection!.CanRespond);
    }

    [Fact]
    public void Parse_UnknownMethod_IsCompleteForTheLayerAboveToAnswer501()
    {
        var text = SipText.Invite.Replace("INVITE", "NEWMETHOD", StringComparison.Ordinal);

        var request = Assert.IsType<SipRequest>(SipParser.Parse(SipText.Bytes(text), SipFraming.Datagram).Message);

        Assert.False(SipMethod.IsKnown(request.Method));
    }

    [Fact]
    public void Parse_HeaderSectionBeyondTheLimit_IsTooLarge()
    {
        var limits = new SipParserLimits { MaxHeaderBytes = 200 };
        var bytes = SipText.Bytes(SipText.Invite);

        Assert.Equal(513, SipParser.Parse(bytes, SipFraming.Datagram, limits).Rejection!.StatusCode);
        Assert.Equal(513, SipParser.Parse(bytes.AsSpan(0, 250), SipFraming.Stream, limits).Rejection!.StatusCode);
    }

    [Fact]
    public void Parse_TooManyHeaders_IsTooLarge()
    {
        var limits = new SipParserLimits { MaxHeaderCount = 5 };

        Assert.Equal(513, SipParser.Parse(SipText.Bytes(SipText.Invite), SipFraming.Datagram, limits).Rejection!.StatusCode);
    }

    [Fact]
    public void Parse_BodyBeyondTheLimit_IsTooLargeWithoutWaitingForIt()
    {
        var text = SipText.Invite.Replace("Content-Length: 5", "Content-Length: 70000", StringComparison.Ordinal);

        var result = SipParser.Parse(SipText.Bytes(text), SipFraming.Stream);

        Assert.Equal(513, result.Rejection!.StatusCode);
    }
}
