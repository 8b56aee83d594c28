using System.Net;

namespace Telephony.MediaServer.Media;

/// <summary>
/// The outcome of an RFC 3264 offer/answer for one audio stream: the codec, the payload type of
/// telephone-event (RFC 4733) if both sides have it, where to send, and our direction.
/// </summary>
public sealed record AudioNegotiation(AudioCodec Codec, int? TelephoneEventPayloadType, IPEndPoint Remote, MediaDirection Direction)
{
    private readonly int? _payloadType;

    /// <summary>
    /// The payload type the codec travels under: its static one (RFC 3551) unless the offer
    /// mapped it to a dynamic one with an rtpmap, which the answer then keeps (RFC 3264 §6.1).
    /// </summary>
    public int PayloadType
    {
        get => _payloadType ?? (int)Codec;
        init => _payloadType = value;
    }

    /// <summary>
    /// Which m= line of the offer this stream is (0 for the first): an answer holds as many m=
    /// lines as the offer, the others refused with port 0 (RFC 3264 §6).
    /// </summary>
    public int MediaIndex { get; init; }
}
