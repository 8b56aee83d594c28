using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Telephony.MediaServer.Media;

/// <summary>RFC 3264 offer/answer for one audio stream.</summary>
public static class SdpNegotiation
{
    /// <summary>The dynamic payload type we offer telephone-event under (RFC 3551 §3: 96-127 are dynamic).</summary>
    public const int OfferedTelephoneEventPayloadType = 101;

    private const string AudioProtocol = "RTP/AVP";
    private const string TelephoneEventEncoding = "telephone-event/8000";

    /// <summary>RFC 4733 §3.2: events 0-15 are the DTMF digits, 16 is flash.</summary>
    private const string TelephoneEventRange = "0-16";

    private const int PacketTime = 20;

    /// <summary>
    /// Picks the first codec of the offer we support (PCMU or PCMA, by static PT or rtpmap name),
    /// telephone-event if offered; our direction answers theirs (sendonly→recvonly,
    /// recvonly→sendonly, inactive→inactive; <paramref name="wanted"/> caps it: an announcement
    /// that only sends answers sendrecv offers with sendonly when wanted=SendOnly). False with a
    /// reason when no audio stream or no common codec (→ SIP 488).
    /// </summary>
    /// <remarks>
    /// The first audio m= line with a non-zero port over RTP/AVP is taken (RFC 3264 §6: a port of
    /// zero is a stream the offerer disabled; we have no SRTP for RTP/SAVP). A connection address
    /// of 0.0.0.0 (or ::) is the RFC 2543 way to hold a call (RFC 3264 §8.4): the offerer receives
    /// nothing, so we answer as if it had not offered to receive.
    /// </remarks>
    public static bool TryAnswer(SessionDescription offer, MediaDirection wanted, out AudioNegotiation? negotiation, out string? reason)
    {
        negotiation = null;
        reason = null;
        for (var index = 0; index < offer.Media.Count; index++)
        {
            var media = offer.Media[index];
            if (!string.Equals(media.Media, "audio", StringComparison.OrdinalIgnoreCase) || media.Port == 0)
            {
                continue;
            }

            if (!string.Equals(media.Protocol, AudioProtocol, StringComparison.OrdinalIgnoreCase))
            {
                reason ??= $"audio over {media.Protocol} is not supported, only {AudioProtocol}";
                continue;
            }

            if (!TryPickCodec(media, out var codec, out var payloadType))
            {
                reason = $"no common codec: offered {DescribeFormats(media)}, we support PCMU and PCMA";
                continue;
            }

            if (media.ConnectionAddress is null || !IPAddress.TryParse(media.ConnectionAddress, out var address))
            {
                reason = media.ConnectionAddress is null
                    ? "the audio stream has no connection address (c=)"
                    : $"the connection address '{media.ConnectionAddress}' is not an IP address";
                continue;
            }

            var theirs = Split(media.Direction);
            if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            {
                theirs.Receive = false;
            }

            var ours = Split(wanted);
            negotiation = new AudioNegotiation(
                codec,
                FindTelephoneEvent(media),
                new IPEndPoint(address, media.Port),
                Join(send: theirs.Receive && ours.Send, receive: theirs.Send && ours.Receive))
            {
                PayloadType = payloadType,
                MediaIndex = index,
            };
            reason = null;
            return true;
        }

        reason ??= "the offer has no audio stream";
        return false;
    }

    /// <summary>
    /// Our SDP: origin with session id/version, c=IN IP4 (or IP6), m=audio port RTP/AVP &lt;codec&gt;
    /// [101], rtpmap lines, fmtp 0-16 for telephone-event, ptime:20, direction attribute.
    /// </summary>
    /// <remarks>
    /// This is a single audio m= line. To answer an offer of more than one m= line use the
    /// overload that takes the offer: RFC 3264 §6 wants one m= line in the answer for each.
    /// </remarks>
    public static string Write(IPAddress address, int port, AudioNegotiation negotiation, long sessionId, long sessionVersion)
    {
        var sdp = StartSession(address, sessionId, sessionVersion);
        WriteAudio(sdp, port, negotiation.PayloadType, negotiation.Codec, negotiation.TelephoneEventPayloadType, negotiation.Direction);
        return sdp.ToString();
    }

    /// <summary>
    /// The answer to <paramref name="offer"/>: our audio stream in the place of the negotiated m=
    /// line, each other m= line refused with port 0 and its own formats (RFC 3264 §6).
    /// </summary>
    public static string Write(IPAddress address, int port, AudioNegotiation negotiation, long sessionId, long sessionVersion, SessionDescription offer)
    {
        if (negotiation.MediaIndex < 0 || negotiation.MediaIndex >= offer.Media.Count)
        {
            throw new ArgumentException($"The offer has no m= line {negotiation.MediaIndex}.", nameof(negotiation));
        }

        var sdp = StartSession(address, sessionId, sessionVersion);
        for (var index = 0; index < offer.Media.Count; index++)
        {
            if (index == negotiation.MediaIndex)
            {
                WriteAudio(sdp, port, negotiation.PayloadType, negotiation.Codec, negotiation.TelephoneEventPayloadType, negotiation.Direction);
                continue;
            }

            var refused = offer.Media[index];
            Line(sdp, $"m={refused.Media} 0 {refused.Protocol} {string.Join(' ', refused.Formats)}");
        }

        return sdp.ToString();
    }

    /// <summary>An offer from us (for calls we place, e.g. to test): PCMU, PCMA and telephone-event/8000 101.</summary>
    public static string Offer(IPAddress address, int port, long sessionId, MediaDirection direction = MediaDirection.SendReceive)
    {
        var sdp = StartSession(address, sessionId, sessionId);
        Line(sdp, FormattableString.Invariant($"m=audio {CheckPort(port)} {AudioProtocol} {(int)AudioCodec.Pcmu} {(int)AudioCodec.Pcma} {OfferedTelephoneEventPayloadType}"));
        WriteAudioAttributes(sdp, [(int)AudioCodec.Pcmu, (int)AudioCodec.Pcma], [AudioCodec.Pcmu, AudioCodec.Pcma], OfferedTelephoneEventPayloadType, direction);
        return sdp.ToString();
    }

    /// <summary>RFC 4566 §5: v=, o=, s=, c= and t= lines; the address type from the address family.</summary>
    private static StringBuilder StartSession(IPAddress address, long sessionId, long sessionVersion)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sessionId);
        ArgumentOutOfRangeException.ThrowIfNegative(sessionVersion);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var (addressType, text) = address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ("IP4", address.ToString()),
            // No scope id: it means nothing to the other side (RFC 4566 §5.7 has none).
            AddressFamily.InterNetworkV6 => ("IP6", new IPAddress(address.GetAddressBytes()).ToString()),
            _ => throw new ArgumentException($"{address.AddressFamily} is not an IP address family.", nameof(address)),
        };
        var sdp = new StringBuilder();
        Line(sdp, "v=0");
        Line(sdp, FormattableString.Invariant($"o=- {sessionId} {sessionVersion} IN {addressType} {text}"));
        Line(sdp, "s=-");
        Line(sdp, $"c=IN {addressType} {text}");
        Line(sdp, "t=0 0");
        return sdp;
    }

    private static void WriteAudio(StringBuilder sdp, int port, int payloadType, AudioCodec codec, int? telephoneEvent, MediaDirection direction)
    {
        var formats = telephoneEvent is { } events
            ? FormattableString.Invariant($"{payloadType} {events}")
            : payloadType.ToString(CultureInfo.InvariantCulture);
        Line(sdp, FormattableString.Invariant($"m=audio {CheckPort(port)} {AudioProtocol} {formats}"));
        WriteAudioAttributes(sdp, [payloadType], [codec], telephoneEvent, direction);
    }

    private static void WriteAudioAttributes(StringBuilder sdp, ReadOnlySpan<int> payloadTypes, ReadOnlySpan<AudioCodec> codecs, int? telephoneEvent, MediaDirection direction)
    {
        for (var i = 0; i < payloadTypes.Length; i++)
        {
            Line(sdp, FormattableString.Invariant($"a=rtpmap:{payloadTypes[i]} {EncodingName(codecs[i])}/8000"));
        }

        if (telephoneEvent is { } events)
        {
            Line(sdp, FormattableString.Invariant($"a=rtpmap:{events} {TelephoneEventEncoding}"));
            Line(sdp, FormattableString.Invariant($"a=fmtp:{events} {TelephoneEventRange}"));
        }

        Line(sdp, FormattableString.Invariant($"a=ptime:{PacketTime}"));
        Line(sdp, "a=" + direction switch
        {
            MediaDirection.SendOnly => "sendonly",
            MediaDirection.ReceiveOnly => "recvonly",
            MediaDirection.Inactive => "inactive",
            _ => "sendrecv",
        });
    }

    /// <summary>RFC 4566 §5: lines end in CRLF.</summary>
    private static void Line(StringBuilder sdp, string line) => sdp.Append(line).Append("\r\n");

    private static int CheckPort(int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, ushort.MaxValue);
        return port;
    }

    /// <summary>RFC 3551 §6 (table 4) names: PCMU and PCMA.</summary>
    private static string EncodingName(AudioCodec codec) => codec == AudioCodec.Pcma ? "PCMA" : "PCMU";

    /// <summary>The offer's first format that is PCMU or PCMA: by rtpmap name if it has one, else by static payload type.</summary>
    private static bool TryPickCodec(SdpMedia media, out AudioCodec codec, out int payloadType)
    {
        foreach (var candidate in media.PayloadTypes)
        {
            if (media.RtpMaps.TryGetValue(candidate, out var encoding))
            {
                if (IsEncoding(encoding, "PCMU"))
                {
                    (codec, payloadType) = (AudioCodec.Pcmu, candidate);
                    return true;
                }

                if (IsEncoding(encoding, "PCMA"))
                {
                    (codec, payloadType) = (AudioCodec.Pcma, candidate);
                    return true;
                }
            }
            else if (candidate is (int)AudioCodec.Pcmu or (int)AudioCodec.Pcma)
            {
                (codec, payloadType) = ((AudioCodec)candidate, candidate);
                return true;
            }
        }

        (codec, payloadType) = (default, -1);
        return false;
    }

    private static int? FindTelephoneEvent(SdpMedia media)
    {
        foreach (var candidate in media.PayloadTypes)
        {
            if (media.RtpMaps.TryGetValue(candidate, out var encoding) && IsEncoding(encoding, "telephone-event"))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// "NAME/8000" or "NAME/8000/1": encoding names are case-insensitive (RFC 4855 §3), and G.711
    /// and telephone-event are only ours at 8 kHz, mono.
    /// </summary>
    private static bool IsEncoding(string rtpmap, string name) =>
        rtpmap.Length > name.Length
        && rtpmap.StartsWith(name, StringComparison.OrdinalIgnoreCase)
        && rtpmap.AsSpan(name.Length) is "/8000" or "/8000/1";

    private static string DescribeFormats(SdpMedia media) =>
        string.Join(", ", media.PayloadTypes.Select(pt => media.RtpMaps.TryGetValue(pt, out var encoding)
            ? encoding
            : pt.ToString(CultureInfo.InvariantCulture)));

    private static (bool Send, bool Receive) Split(MediaDirection direction) => direction switch
    {
        MediaDirection.SendOnly => (true, false),
        MediaDirection.ReceiveOnly => (false, true),
        MediaDirection.Inactive => (false, false),
        _ => (true, true),
    };

    private static MediaDirection Join(bool send, bool receive) => (send, receive) switch
    {
        (true, true) => MediaDirection.SendReceive,
        (true, false) => MediaDirection.SendOnly,
        (false, true) => MediaDirection.ReceiveOnly,
        _ => MediaDirection.Inactive,
    };
}
