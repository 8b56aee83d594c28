namespace Telephony.MediaServer.Tests.Media;

/// <summary>
/// Offers as the phones and softphones we meet write them (addresses from the documentation
/// ranges). Written with LF here; <see cref="Crlf"/> gives the CRLF that RFC 4566 §5 asks for.
/// </summary>
internal static class SdpSamples
{
    /// <summary>Yealink T4x: G.711 first, G.729 and G.722, telephone-event 101 with events 0-15.</summary>
    public const string Yealink = """
        v=0
        o=- 20002 20002 IN IP4 192.0.2.21
        s=SDP data
        c=IN IP4 192.0.2.21
        t=0 0
        m=audio 11796 RTP/AVP 0 8 18 9 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:18 G729/8000
        a=fmtp:18 annexb=no
        a=rtpmap:9 G722/8000
        a=fmtp:101 0-15
        a=rtpmap:101 telephone-event/8000
        a=ptime:20
        a=sendrecv

        """;

    /// <summary>Polycom VVX: session-level direction, G.722 and G.722.1 before PCMU, telephone-event on 127.</summary>
    public const string Polycom = """
        v=0
        o=- 1700000000 1700000000 IN IP4 192.0.2.22
        s=Polycom IP Phone
        c=IN IP4 192.0.2.22
        t=0 0
        a=sendrecv
        m=audio 2226 RTP/AVP 9 102 0 8 18 127
        a=rtpmap:9 G722/8000
        a=rtpmap:102 G7221/16000
        a=fmtp:102 bitrate=32000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:18 G729/8000
        a=fmtp:18 annexb=no
        a=rtpmap:127 telephone-event/8000

        """;

    /// <summary>baresip: bandwidth line, SSRC and RTCP attributes, telephone-event 101.</summary>
    public const string Baresip = """
        v=0
        o=- 1652190186 3612047373 IN IP4 192.0.2.30
        s=-
        c=IN IP4 192.0.2.30
        t=0 0
        m=audio 10000 RTP/AVP 9 0 8 101
        b=AS:64
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv
        a=label:1
        a=ssrc:3106049318 cname:b0d6c1f0-5b9e-4e35-a33b-58d2a8a04d0e
        a=rtcp-rsize
        a=ptime:20

        """;

    /// <summary>
    /// Linphone: Opus and Speex first, PCMU and PCMA by static payload type without rtpmap,
    /// telephone-event at three clock rates, and a video stream.
    /// </summary>
    public const string Linphone = """
        v=0
        o=alice 3058 2271 IN IP4 192.0.2.40
        s=Talk
        c=IN IP4 192.0.2.40
        t=0 0
        a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
        m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 useinbandfec=1
        a=rtpmap:97 speex/16000
        a=fmtp:97 vbr=on
        a=rtpmap:98 speex/8000
        a=fmtp:98 vbr=on
        a=fmtp:18 annexb=yes
        a=rtpmap:101 telephone-event/48000
        a=rtpmap:99 telephone-event/16000
        a=rtpmap:100 telephone-event/8000
        a=rtcp-fb:* trr-int 1000
        a=rtcp-fb:* ccm tmmbr
        m=video 9078 RTP/AVP 96 97
        a=rtpmap:96 VP8/90000
        a=rtpmap:97 H264/90000
        a=fmtp:97 profile-level-id=42801F
        a=rtcp-fb:* trr-int 1000

        """;

    /// <summary>A PCMA-only offer, as from a European carrier trunk.</summary>
    public const string PcmaOnly = """
        v=0
        o=carrier 8812 8812 IN IP4 198.51.100.9
        s=session
        c=IN IP4 198.51.100.9
        t=0 0
        m=audio 30000 RTP/AVP 8 96
        a=rtpmap:8 PCMA/8000
        a=rtpmap:96 telephone-event/8000
        a=fmtp:96 0-15
        a=ptime:20

        """;

    /// <summary>An offer we cannot take: G.729 only.</summary>
    public const string G729Only = """
        v=0
        o=- 1 1 IN IP4 198.51.100.10
        s=-
        c=IN IP4 198.51.100.10
        t=0 0
        m=audio 30002 RTP/AVP 18 101
        a=rtpmap:18 G729/8000
        a=rtpmap:101 telephone-event/8000

        """;

    /// <summary>An RFC 3264 §8.4 hold re-INVITE as most phones send it today.</summary>
    public static readonly string HoldSendOnly = YealinkHold(version: 20003, "a=sendonly");

    /// <summary>A hold with nothing sent either way.</summary>
    public static readonly string HoldInactive = YealinkHold(version: 20004, "a=inactive");

    /// <summary>The RFC 2543 hold: connection address 0.0.0.0 and no direction attribute.</summary>
    public const string HoldZeroAddress = """
        v=0
        o=- 77 78 IN IP4 192.0.2.50
        s=-
        c=IN IP4 0.0.0.0
        t=0 0
        m=audio 16384 RTP/AVP 8 0
        a=rtpmap:8 PCMA/8000
        a=rtpmap:0 PCMU/8000

        """;

    /// <summary>A re-INVITE switching to T.38 fax, with the audio stream disabled (port 0).</summary>
    public const string T38 = """
        v=0
        o=- 5 6 IN IP4 198.51.100.11
        s=-
        c=IN IP4 198.51.100.11
        t=0 0
        m=audio 0 RTP/AVP 0
        m=image 30004 udptl t38
        a=T38FaxVersion:0
        a=T38MaxBitRate:14400
        a=T38FaxRateManagement:transferredTCF

        """;

    public static string Crlf(string sdp) => sdp.ReplaceLineEndings("\r\n");

    /// <summary>The re-INVITE of the Yealink call above: a new session version and a direction attribute.</summary>
    private static string YealinkHold(int version, string direction) => $"""
        v=0
        o=- 20002 {version} IN IP4 192.0.2.21
        s=SDP data
        c=IN IP4 192.0.2.21
        t=0 0
        m=audio 11796 RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        {direction}

        """;
}
