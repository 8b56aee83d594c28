using System.Net;
using Telephony.MediaServer.Media;

namespace Telephony.MediaServer.Tests.Media;

public sealed class SdpNegotiationTests
{
    private static readonly IPAddress Ours = IPAddress.Parse("203.0.113.5");

    [Fact]
    public void TryAnswer_PcmaOnlyOffer_PicksPcma()
    {
        var negotiation = Answer(SdpSamples.PcmaOnly);

        Assert.Equal(AudioCodec.Pcma, negotiation.Codec);
        Assert.Equal(8, negotiation.PayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.9"), 30000), negotiation.Remote);
    }

    [Fact]
    public void TryAnswer_YealinkOffer_PicksPcmuWithTelephoneEvent101()
    {
        var negotiation = Answer(SdpSamples.Yealink);

        Assert.Equal((AudioCodec.Pcmu, (int?)101, MediaDirection.SendReceive), (negotiation.Codec, negotiation.TelephoneEventPayloadType, negotiation.Direction));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.21"), 11796), negotiation.Remote);
    }

    [Fact]
    public void TryAnswer_G722FirstThenPcmu_PicksPcmu()
    {
        var negotiation = Answer(SdpSamples.Polycom);

        Assert.Equal((AudioCodec.Pcmu, (int?)127), (negotiation.Codec, negotiation.TelephoneEventPayloadType));
    }

    [Fact]
    public void TryAnswer_LinphoneOffer_PicksStaticPcmuAndThe8kHzTelephoneEvent()
    {
        var negotiation = Answer(SdpSamples.Linphone);

        Assert.Equal((AudioCodec.Pcmu, 0, (int?)100, 0), (negotiation.Codec, negotiation.PayloadType, negotiation.TelephoneEventPayloadType, negotiation.MediaIndex));
    }

    [Fact]
    public void TryAnswer_OnlyG729_IsFalseWithAReasonNamingTheOffer()
    {
        var reason = Refusal(SdpSamples.G729Only);

        Assert.Contains("no common codec", reason, StringComparison.Ordinal);
        Assert.Contains("G729/8000", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(96)]
    [InlineData(101)]
    public void TryAnswer_TelephoneEventOnADynamicPayloadType_KeepsIt(int payloadType)
    {
        var negotiation = Answer($"v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/AVP 8 {payloadType}\na=rtpmap:{payloadType} telephone-event/8000\na=fmtp:{payloadType} 0-16\n");

        Assert.Equal(payloadType, negotiation.TelephoneEventPayloadType);
    }

    [Fact]
    public void TryAnswer_NoTelephoneEvent_HasNone()
    {
        var negotiation = Answer(SdpSamples.HoldZeroAddress);

        Assert.Null(negotiation.TelephoneEventPayloadType);
    }

    [Fact]
    public void TryAnswer_PcmuOnADynamicPayloadType_KeepsThatPayloadType()
    {
        var negotiation = Answer("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/AVP 98\na=rtpmap:98 pcmu/8000\n");

        Assert.Equal((AudioCodec.Pcmu, 98), (negotiation.Codec, negotiation.PayloadType));
        Assert.Contains("m=audio 5000 RTP/AVP 98\r\na=rtpmap:98 PCMU/8000\r\n", SdpNegotiation.Write(Ours, 5000, negotiation, 1, 1), StringComparison.Ordinal);
    }

    [Fact]
    public void TryAnswer_PcmuAtAnotherClockRate_IsNotPcmu()
    {
        var reason = Refusal("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/AVP 98\na=rtpmap:98 PCMU/16000\n");

        Assert.Contains("PCMU/16000", reason, StringComparison.Ordinal);
    }

    /// <summary>RFC 3264 §6.1: our direction answers theirs, capped by what we want.</summary>
    [Theory]
    [InlineData("sendrecv", MediaDirection.SendReceive, MediaDirection.SendReceive)]
    [InlineData("sendonly", MediaDirection.SendReceive, MediaDirection.ReceiveOnly)]
    [InlineData("recvonly", MediaDirection.SendReceive, MediaDirection.SendOnly)]
    [InlineData("inactive", MediaDirection.SendReceive, MediaDirection.Inactive)]
    [InlineData("sendrecv", MediaDirection.SendOnly, MediaDirection.SendOnly)]
    [InlineData("sendrecv", MediaDirection.ReceiveOnly, MediaDirection.ReceiveOnly)]
    [InlineData("sendrecv", MediaDirection.Inactive, MediaDirection.Inactive)]
    [InlineData("sendonly", MediaDirection.SendOnly, MediaDirection.Inactive)]
    [InlineData("recvonly", MediaDirection.SendOnly, MediaDirection.SendOnly)]
    [InlineData("recvonly", MediaDirection.ReceiveOnly, MediaDirection.Inactive)]
    public void TryAnswer_OfferDirection_IsAnsweredAndCappedByWhatWeWant(string offered, MediaDirection wanted, MediaDirection expected)
    {
        var offer = Parse($"v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/AVP 0\na={offered}\n");

        Assert.True(SdpNegotiation.TryAnswer(offer, wanted, out var negotiation, out _));

        Assert.Equal(expected, negotiation!.Direction);
    }

    [Fact]
    public void TryAnswer_HoldSendOnly_AnswersReceiveOnly()
    {
        Assert.Equal(MediaDirection.ReceiveOnly, Answer(SdpSamples.HoldSendOnly).Direction);
    }

    [Fact]
    public void TryAnswer_HoldInactive_AnswersInactive()
    {
        Assert.Equal(MediaDirection.Inactive, Answer(SdpSamples.HoldInactive).Direction);
    }

    /// <summary>RFC 3264 §8.4: c=0.0.0.0 means the offerer wants nothing sent to it.</summary>
    [Fact]
    public void TryAnswer_HoldWithZeroAddress_AnswersReceiveOnly()
    {
        var negotiation = Answer(SdpSamples.HoldZeroAddress);

        Assert.Equal((AudioCodec.Pcma, MediaDirection.ReceiveOnly), (negotiation.Codec, negotiation.Direction));
    }

    [Fact]
    public void TryAnswer_AudioDisabledForT38_IsFalseWithNoAudioStream()
    {
        var reason = Refusal(SdpSamples.T38);

        Assert.Contains("no audio stream", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryAnswer_VideoOnly_IsFalseWithNoAudioStream()
    {
        var reason = Refusal("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=video 4000 RTP/AVP 96\na=rtpmap:96 VP8/90000\n");

        Assert.Contains("no audio stream", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryAnswer_SrtpOnly_IsFalseNamingTheProfile()
    {
        var reason = Refusal("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/SAVP 0\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:x\n");

        Assert.Contains("RTP/SAVP", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryAnswer_SecondAudioStreamUsable_TakesItAndItsIndex()
    {
        var negotiation = Answer("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 0 RTP/AVP 0\nm=audio 4002 RTP/AVP 8\nc=IN IP4 192.0.2.7\n");

        Assert.Equal((1, AudioCodec.Pcma), (negotiation.MediaIndex, negotiation.Codec));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.7"), 4002), negotiation.Remote);
    }

    [Fact]
    public void TryAnswer_ConnectionAddressIsAHostName_IsFalseWithAReason()
    {
        var reason = Refusal("v=0\no=- 1 1 IN IP4 pbx.example.com\ns=-\nc=IN IP4 pbx.example.com\nt=0 0\nm=audio 4000 RTP/AVP 0\n");

        Assert.Contains("pbx.example.com", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryAnswer_IPv6Offer_SendsToTheIPv6Address()
    {
        var negotiation = Answer("v=0\r\no=- 1 1 IN IP6 2001:db8::7\r\ns=-\r\nc=IN IP6 2001:db8::7\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n");

        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::7"), 4000), negotiation.Remote);
    }

    [Fact]
    public void Write_Negotiation_IsTheExpectedText()
    {
        var negotiation = new AudioNegotiation(AudioCodec.Pcma, 101, new IPEndPoint(IPAddress.Loopback, 4000), MediaDirection.SendReceive);

        var sdp = SdpNegotiation.Write(Ours, 40000, negotiation, 42, 43);

        Assert.Equal(
            "v=0\r\no=- 42 43 IN IP4 203.0.113.5\r\ns=-\r\nc=IN IP4 203.0.113.5\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n"
            + "a=ptime:20\r\na=sendrecv\r\n",
            sdp);
    }

    public static TheoryData<AudioCodec, int?, MediaDirection> Negotiations => new()
    {
        { AudioCodec.Pcmu, 101, MediaDirection.SendReceive },
        { AudioCodec.Pcma, 96, MediaDirection.SendOnly },
        { AudioCodec.Pcmu, null, MediaDirection.ReceiveOnly },
        { AudioCodec.Pcma, 127, MediaDirection.Inactive },
    };

    [Theory]
    [MemberData(nameof(Negotiations))]
    public void Write_Output_ReparsesToTheSameNegotiation(AudioCodec codec, int? telephoneEvent, MediaDirection direction)
    {
        var negotiation = new AudioNegotiation(codec, telephoneEvent, new IPEndPoint(IPAddress.Loopback, 4000), direction);

        var parsed = Parse(SdpNegotiation.Write(Ours, 40000, negotiation, 7, 8));

        var audio = Assert.Single(parsed.Media);
        Assert.Equal("- 7 8 IN IP4 203.0.113.5", parsed.Origin);
        Assert.Equal(("audio", 40000, "RTP/AVP", "203.0.113.5", direction, (int?)20), (audio.Media, audio.Port, audio.Protocol, audio.ConnectionAddress, audio.Direction, audio.PacketTime));
        // Answered as an offer by the other side, it gives back our codec, events and address.
        Assert.True(SdpNegotiation.TryAnswer(parsed, MediaDirection.SendReceive, out var seen, out _));
        Assert.Equal((codec, telephoneEvent, new IPEndPoint(Ours, 40000)), (seen!.Codec, seen.TelephoneEventPayloadType, seen.Remote));
        if (telephoneEvent is { } events)
        {
            Assert.Equal("0-16", audio.Fmtps[events]);
        }
    }

    [Fact]
    public void Write_IPv6Address_WritesIP6WithoutScope()
    {
        var negotiation = new AudioNegotiation(AudioCodec.Pcmu, null, new IPEndPoint(IPAddress.IPv6Loopback, 4000), MediaDirection.SendReceive);

        var sdp = SdpNegotiation.Write(IPAddress.Parse("fe80::1%3"), 40000, negotiation, 1, 1);

        Assert.Contains("c=IN IP6 fe80::1\r\n", sdp, StringComparison.Ordinal);
        Assert.Contains("o=- 1 1 IN IP6 fe80::1\r\n", sdp, StringComparison.Ordinal);
    }

    /// <summary>RFC 3264 §6: as many m= lines as the offer, the ones we refuse with port 0.</summary>
    [Fact]
    public void Write_AnswerToAnOfferWithVideo_RefusesTheVideoWithPortZero()
    {
        var offer = Parse(SdpSamples.Linphone);
        Assert.True(SdpNegotiation.TryAnswer(offer, MediaDirection.SendReceive, out var negotiation, out _));

        var answer = Parse(SdpNegotiation.Write(Ours, 40000, negotiation!, 1, 1, offer));

        Assert.Equal([("audio", 40000), ("video", 0)], answer.Media.Select(m => (m.Media, m.Port)));
        Assert.Equal([0, 100], answer.Media[0].PayloadTypes);
        Assert.Equal([96, 97], answer.Media[1].PayloadTypes);
    }

    [Fact]
    public void Write_AnswerToAT38OfferWithAudioSecond_KeepsTheImageFormat()
    {
        var offer = Parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=image 4000 udptl t38\nm=audio 4002 RTP/AVP 8\n");
        Assert.True(SdpNegotiation.TryAnswer(offer, MediaDirection.SendReceive, out var negotiation, out _));

        var answer = SdpNegotiation.Write(Ours, 40000, negotiation!, 1, 1, offer);

        Assert.Contains("m=image 0 udptl t38\r\nm=audio 40000 RTP/AVP 8\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_ParsedAndAnswered_GivesPcmuAndTelephoneEvent101()
    {
        var offer = Parse(SdpNegotiation.Offer(Ours, 40000, 99, MediaDirection.SendOnly));

        Assert.Equal([0, 8, 101], offer.Media[0].PayloadTypes);
        Assert.Equal(("PCMA/8000", "0-16"), (offer.Media[0].RtpMaps[8], offer.Media[0].Fmtps[101]));
        Assert.True(SdpNegotiation.TryAnswer(offer, MediaDirection.SendReceive, out var negotiation, out _));
        Assert.Equal((AudioCodec.Pcmu, (int?)101, MediaDirection.ReceiveOnly), (negotiation!.Codec, negotiation.TelephoneEventPayloadType, negotiation.Direction));
    }

    private static string Refusal(string offer)
    {
        Assert.False(SdpNegotiation.TryAnswer(Parse(offer), MediaDirection.SendReceive, out var negotiation, out var reason));
        Assert.Null(negotiation);
        Assert.NotNull(reason);
        return reason;
    }

    private static AudioNegotiation Answer(string offer, MediaDirection wanted = MediaDirection.SendReceive)
    {
        Assert.True(SdpNegotiation.TryAnswer(Parse(offer), wanted, out var negotiation, out var reason), reason);
        return negotiation!;
    }

    private static SessionDescription Parse(string text)
    {
        Assert.True(Sdp.TryParse(text, out var description, out var error), error);
        return description!;
    }
}
