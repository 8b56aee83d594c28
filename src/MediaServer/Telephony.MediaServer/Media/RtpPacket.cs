using System.Buffers.Binary;

namespace Telephony.MediaServer.Media;

/// <summary>Reads and writes RTP packets (RFC 3550 §5.1). Allocation-free.</summary>
public static class RtpPacket
{
    public const int HeaderSize = 12;

    private const int Version = 2;

    /// <summary>
    /// Parses a datagram: CSRCs and a header extension are skipped, padding removed. Never throws.
    /// </summary>
    /// <remarks>
    /// The checks are those RFC 3550 appendix A.1 lists for a valid header, in an order that
    /// names the first thing wrong. RTCP is recognised before the length check, so a short RTCP
    /// receiver report on a multiplexed port (RFC 5761 §4) is told apart from a truncated RTP packet.
    /// </remarks>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out RtpHeader header, out int payloadOffset, out int payloadLength, out RtpRejection rejection)
    {
        header = default;
        payloadOffset = 0;
        payloadLength = 0;

        if (datagram.Length < 2)
        {
            rejection = RtpRejection.TooShort;
            return false;
        }

        var first = datagram[0];
        if (first >> 6 != Version)
        {
            rejection = RtpRejection.BadVersion;
            return false;
        }

        // RFC 5761 §4: RTCP packet types 192-223 fall where RTP would put the marker bit and
        // payload types 64-95, which is why those payload types are not used with rtcp-mux.
        if (datagram[1] is >= 192 and <= 223)
        {
            rejection = RtpRejection.IsRtcp;
            return false;
        }

        if (datagram.Length < HeaderSize)
        {
            rejection = RtpRejection.TooShort;
            return false;
        }

        var offset = HeaderSize + (4 * (first & 0x0F));
        if (offset > datagram.Length)
        {
            rejection = RtpRejection.BadLength;
            return false;
        }

        // RFC 3550 §5.3.1: 16 bits defined by profile, 16 bits of length in 32-bit words, then the words.
        if ((first & 0x10) != 0)
        {
            if (offset + 4 > datagram.Length)
            {
                rejection = RtpRejection.BadExtension;
                return false;
            }

            var words = BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]);
            offset += 4 + (4 * words);
            if (offset > datagram.Length)
            {
                rejection = RtpRejection.BadExtension;
                return false;
            }
        }

        var end = datagram.Length;

        // RFC 3550 §5.1: the last octet counts the padding octets, itself included.
        if ((first & 0x20) != 0)
        {
            var padding = datagram[^1];
            if (padding == 0 || padding > end - offset)
            {
                rejection = RtpRejection.BadPadding;
                return false;
            }

            end -= padding;
        }

        header = new RtpHeader(
            Marker: (datagram[1] & 0x80) != 0,
            PayloadType: (byte)(datagram[1] & 0x7F),
            SequenceNumber: BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]),
            Timestamp: BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]),
            Ssrc: BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]));
        payloadOffset = offset;
        payloadLength = end - offset;
        rejection = RtpRejection.None;
        return true;
    }

    /// <summary>Writes header then payload into buffer; returns the packet length.</summary>
    /// <exception cref="ArgumentException">The buffer is too small, or the payload type does not fit in 7 bits.</exception>
    public static int Write(Span<byte> buffer, in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        if (header.PayloadType > 0x7F)
        {
            throw new ArgumentException($"Payload type {header.PayloadType} does not fit in 7 bits.", nameof(header));
        }

        var length = HeaderSize + payload.Length;
        if (buffer.Length < length)
        {
            throw new ArgumentException($"The packet needs {length} bytes, the buffer has {buffer.Length}.", nameof(buffer));
        }

        buffer[0] = Version << 6;
        buffer[1] = (byte)((header.Marker ? 0x80 : 0) | header.PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[4..], header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[8..], header.Ssrc);
        payload.CopyTo(buffer[HeaderSize..]);
        return length;
    }
}
