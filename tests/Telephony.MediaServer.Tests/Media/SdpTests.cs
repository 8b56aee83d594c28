using Telephony.MediaServer.Media;

namespace Telephony.MediaServer.Tests.Media;

public sealed class SdpTests
{
    [Fact]
    public void TryParse_YealinkOffer_ReadsTheAudioStream()
    {
        var description = Parse(SdpSamples.Crlf(SdpSamples.Yealink));

        Assert.Equal("- 20002 20002 IN IP4 192.0.2.21", description.Origin);
        Assert.Equal("192.0.2.21", description.ConnectionAddress);
        var audio = Assert.Single(description.Media);
        Assert.Equal(("audio", 11796, "RTP/AVP"), (audio.Media, audio.Port, audio.Protocol));
        Assert.Equal([0, 8, 18, 9, 101], audio.PayloadTypes);
        Assert.Equal("PCMU/8000", audio.RtpMaps[0]);
        Assert.Equal("telephone-event/8000", audio.RtpMaps[101]);
        Assert.Equal("0-15", audio.Fmtps[101]);
        Assert.Equal("annexb=no", audio.Fmtps[18]);
        Assert.Equal((MediaDirection.SendReceive, "192.0.2.21", (int?)20), (audio.Direction, audio.ConnectionAddress, audio.PacketTime));
    }

    [Fact]
    public void TryParse_BaresipOfferWithLfLineEndings_ReadsTheSameAsWithCrlf()
    {
        var withLf = Parse(SdpSamples.Baresip);
        var withCrlf = Parse(SdpSamples.Crlf(SdpSamples.Baresip));

        var audio = Assert.Single(withLf.Media);
        Assert.Equal([9, 0, 8, 101], audio.PayloadTypes);
        Assert.Equal(20, audio.PacketTime);
        Assert.Equal(audio.PayloadTypes, withCrlf.Media[0].PayloadTypes);
        Assert.Equal(audio.RtpMaps, withCrlf.Media[0].RtpMaps);
        Assert.Equal(withLf.Origin, withCrlf.Origin);
    }

    [Fact]
    public void TryParse_PolycomSessionLevelDirection_AppliesToTheMedia()
    {
        var description = Parse(SdpSamples.Crlf(SdpSamples.Polycom));

        Assert.Equal(MediaDirection.SendReceive, description.Direction);
        Assert.Equal(MediaDirection.SendReceive, description.Media[0].Direction);
        Assert.Null(description.Media[0].PacketTime);
    }

    [Fact]
    public void TryParse_LinphoneOffer_ReadsBothStreamsInOrder()
    {
        var description = Parse(SdpSamples.Crlf(SdpSamples.Linphone));

        Assert.Equal(["audio", "video"], description.Media.Select(m => m.Media));
        Assert.Equal([96, 97, 98, 0, 8, 18, 101, 99, 100], description.Media[0].PayloadTypes);
        Assert.False(description.Media[0].RtpMaps.ContainsKey(0));
        Assert.Equal("VP8/90000", description.Media[1].RtpMaps[96]);
    }

    [Fact]
    public void TryParse_HoldSendOnly_GivesSendOnly()
    {
        Assert.Equal(MediaDirection.SendOnly, Parse(SdpSamples.HoldSendOnly).Media[0].Direction);
    }

    [Fact]
    public void TryParse_HoldInactive_GivesInactive()
    {
        Assert.Equal(MediaDirection.Inactive, Parse(SdpSamples.HoldInactive).Media[0].Direction);
    }

    [Fact]
    public void TryParse_HoldWithZeroAddress_KeepsTheAddress()
    {
        var audio = Parse(SdpSamples.HoldZeroAddress).Media[0];

        Assert.Equal(("0.0.0.0", MediaDirection.SendReceive), (audio.ConnectionAddress, audio.Direction));
    }

    [Fact]
    public void TryParse_MediaLevelConnectionAndDirection_OverrideTheSession()
    {
        var description = Parse("""
            v=0
            o=- 1 1 IN IP4 192.0.2.1
            s=-
            c=IN IP4 192.0.2.1
            t=0 0
            a=recvonly
            m=audio 4000 RTP/AVP 0
            c=IN IP4 192.0.2.2
            a=sendonly
            m=audio 4002 RTP/AVP 8
            """);

        Assert.Equal(("192.0.2.2", MediaDirection.SendOnly), (description.Media[0].ConnectionAddress, description.Media[0].Direction));
        Assert.Equal(("192.0.2.1", MediaDirection.ReceiveOnly), (description.Media[1].ConnectionAddress, description.Media[1].Direction));
    }

    [Fact]
    public void TryParse_MulticastConnectionWithTtl_KeepsTheAddressOnly()
    {
        var description = Parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 233.252.0.1/127\nt=0 0\nm=audio 4000/2 RTP/AVP 0\n");

        Assert.Equal(("233.252.0.1", 4000), (description.Media[0].ConnectionAddress, description.Media[0].Port));
    }

    [Fact]
    public void TryParse_IPv6Connection_IsRead()
    {
        var description = Parse("v=0\r\no=- 1 1 IN IP6 2001:db8::1\r\ns=-\r\nc=IN IP6 2001:db8::1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n");

        Assert.Equal("2001:db8::1", description.Media[0].ConnectionAddress);
    }

    [Fact]
    public void TryParse_T38Image_IsReadWithItsFormatsAsWritten()
    {
        var description = Parse(SdpSamples.T38);

        var image = description.Media[1];
        Assert.Equal(("image", 30004, "udptl"), (image.Media, image.Port, image.Protocol));
        Assert.Empty(image.PayloadTypes);
        Assert.Equal(["t38"], image.Formats);
        Assert.Equal(0, description.Media[0].Port);
    }

    [Fact]
    public void TryParse_UnknownLinesAndAttributes_AreIgnored()
    {
        var description = Parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\ni=info\nu=http://example.com\ne=a@example.com\nz=0 0\nk=clear:x\nc=IN IP4 192.0.2.1\nt=0 0\nr=7d 1h 0 25h\nm=audio 4000 RTP/AVP 0\na=x-unknown\na=rtcp:4001\na=ice-ufrag:abc\n\n\n");

        Assert.Equal([0], description.Media[0].PayloadTypes);
    }

    [Fact]
    public void TryParse_NoMediaLine_IsFalseWithAReason()
    {
        var parsed = Sdp.TryParse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n", out var description, out var error);

        Assert.False(parsed);
        Assert.Null(description);
        Assert.Contains("m=", error, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "", "empty" },
        { "   \r\n", "empty" },
        { "hello world", "line 1" },
        { "<html><body>502 Bad Gateway</body></html>", "line 1" },
        { "o=- 1 1 IN IP4 192.0.2.1\nv=0\nm=audio 4000 RTP/AVP 0", "v=0" },
        { "v=1\no=- 1 1 IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP 0", "v=0" },
        { "v=0\nm=audio 4000 RTP/AVP 0", "o=" },
        { "v=0\no=- 1 1 IN\nm=audio 4000 RTP/AVP 0", "o=" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nc=IN IP4\nm=audio 4000 RTP/AVP 0", "c=" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nc=ATM NSAP 47.0091\nm=audio 4000 RTP/AVP 0", "c=" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP", "m=" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio 70000 RTP/AVP 0", "port" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio -1 RTP/AVP 0", "port" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP 0 PCMU", "PCMU" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP 200", "200" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP 0\na=rtpmap:zero PCMU/8000", "rtpmap" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP 0\na=rtpmap:0 PCMU", "rtpmap" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP 0\na=rtpmap:0 PCMU/8000\na=rtpmap:0 PCMA/8000", "twice" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP 0\na=ptime:twenty", "ptime" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP 0\na=sendonly\na=recvonly", "direction" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP 0\nc=IN IP4 192.0.2.2\nc=IN IP4 192.0.2.3", "c=" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP 0\no=- 2 2 IN IP4 192.0.2.1", "o=" },
        { "v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP 0\n=x", "line 4" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryParse_Malformed_IsFalseWithAReasonNamingIt(string text, string reasonMentions)
    {
        var parsed = Sdp.TryParse(text, out var description, out var error);

        Assert.False(parsed);
        Assert.Null(description);
        Assert.NotNull(error);
        Assert.Contains(reasonMentions, error, StringComparison.Ordinal);
    }

    /// <summary>Seeded mutations of real offers (characters replaced, dropped, lines cut): an outcome, never an exception.</summary>
    [Fact]
    public void TryParse_MutatedOffers_NeverThrow()
    {
        var random = new Random(4566);
        string[] corpus = [SdpSamples.Yealink, SdpSamples.Polycom, SdpSamples.Baresip, SdpSamples.Linphone, SdpSamples.T38];
        const string Alphabet = "v=oscmta: /\r\n0123456789-RTP/AVPIN IP4rtpmap";

        for (var i = 0; i < 2_000; i++)
        {
            var text = corpus[random.Next(corpus.Length)].ToCharArray().ToList();
            for (var edits = random.Next(1, 6); edits > 0 && text.Count > 0; edits--)
            {
                var at = random.Next(text.Count);
                switch (random.Next(3))
                {
                    case 0:
                        text[at] = Alphabet[random.Next(Alphabet.Length)];
                        break;
                    case 1:
                        text.RemoveAt(at);
                        break;
                    default:
                        text.RemoveRange(at, text.Count - at);
                        break;
                }
            }

            var parsed = Sdp.TryParse(new string([.. text]), out var description, out var error);

            Assert.Equal(parsed, description is not null);
            Assert.Equal(parsed, error is null);
            if (description is not null)
            {
                _ = SdpNegotiation.TryAnswer(description, MediaDirection.SendReceive, out _, out _);
            }
        }
    }

    private static SessionDescription Parse(string text)
    {
        Assert.True(Sdp.TryParse(text, out var description, out var error), error);
        return description!;
    }
}
