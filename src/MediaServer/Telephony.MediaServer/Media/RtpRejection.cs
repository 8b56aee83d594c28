namespace Telephony.MediaServer.Media;

/// <summary>Why a datagram is not an RTP packet we can use; the receive loop counts these, it never logs each one.</summary>
public enum RtpRejection
{
    None,

    /// <summary>Shorter than the 12-byte fixed header (RFC 3550 §5.1).</summary>
    TooShort,

    /// <summary>The version field is not 2 (RFC 3550 §5.1).</summary>
    BadVersion,

    /// <summary>The P bit is set but the last octet's count is zero or covers more than the payload (RFC 3550 §5.1).</summary>
    BadPadding,

    /// <summary>The CSRC list runs past the end of the datagram (RFC 3550 §5.1).</summary>
    BadLength,

    /// <summary>The X bit is set but the header extension runs past the end of the datagram (RFC 3550 §5.3.1).</summary>
    BadExtension,

    /// <summary>An RTCP packet on a port shared with RTP (RFC 5761 §4: second octet 192-223).</summary>
    IsRtcp,
}
