using System.Buffers.Binary;

namespace Telephony.MediaServer.Media;

/// <summary>
/// RTCP sender report (RFC 3550 §6.4.1), no report blocks needed; parse tolerant of compound packets.
/// </summary>
public static class RtcpSenderReport
{
    /// <summary>Header (4), SSRC (4) and sender information (20), with no report blocks.</summary>
    public const int Size = 28;

    private const byte PacketType = 200;

    /// <summary>RFC 3550 §4: NTP time counts seconds since 0h UTC on 1 January 1900.</summary>
    private static readonly DateTimeOffset NtpEra0 = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>RFC 4330 §3: the seconds field wraps on 7 February 2036; era 1 starts there.</summary>
    private static readonly DateTimeOffset NtpEra1 = NtpEra0.AddSeconds(4_294_967_296);

    /// <summary>Writes a sender report with no report blocks; returns its length (<see cref="Size"/>).</summary>
    public static int Write(Span<byte> buffer, uint ssrc, DateTimeOffset wallClock, uint rtpTimestamp, uint packetCount, uint octetCount)
    {
        if (buffer.Length < Size)
        {
            throw new ArgumentException($"A sender report needs {Size} bytes, the buffer has {buffer.Length}.", nameof(buffer));
        }

        // RFC 3550 §6.4.1: V=2, P=0, RC=0; the length is in 32-bit words minus one.
        buffer[0] = 2 << 6;
        buffer[1] = PacketType;
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], (Size / 4) - 1);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[4..], ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(buffer[8..], ToNtpTimestamp(wallClock));
        BinaryPrimitives.WriteUInt32BigEndian(buffer[16..], rtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[20..], packetCount);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[24..], octetCount);
        return Size;
    }

    public static bool TryParse(ReadOnlySpan<byte> datagram, out uint ssrc, out uint rtpTimestamp, out uint packetCount)
    {
        var found = TryParse(datagram, out RtcpSenderInfo info);
        (ssrc, rtpTimestamp, packetCount) = (info.Ssrc, info.RtpTimestamp, info.PacketCount);
        return found;
    }

    /// <summary>
    /// Finds the first sender report in a compound RTCP packet (RFC 3550 §6.1) and reads its sender
    /// information. False, never an exception, when a packet's header or length is wrong or no
    /// sender report is there.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out RtcpSenderInfo info)
    {
        info = default;
        var offset = 0;
        while (datagram.Length - offset >= 4)
        {
            var packet = datagram[offset..];
            if (packet[0] >> 6 != 2)
            {
                return false;
            }

            var length = 4 * (BinaryPrimitives.ReadUInt16BigEndian(packet[2..]) + 1);
            if (length > packet.Length)
            {
                return false;
            }

            if (packet[1] == PacketType && length >= Size)
            {
                info = new RtcpSenderInfo(
                    Ssrc: BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
                    NtpTimestamp: BinaryPrimitives.ReadUInt64BigEndian(packet[8..]),
                    RtpTimestamp: BinaryPrimitives.ReadUInt32BigEndian(packet[16..]),
                    PacketCount: BinaryPrimitives.ReadUInt32BigEndian(packet[20..]),
                    OctetCount: BinaryPrimitives.ReadUInt32BigEndian(packet[24..]));
                return true;
            }

            offset += length;
        }

        return false;
    }

    /// <summary>
    /// RFC 3550 §4: whole seconds since 1900 in the high 32 bits (modulo 2^32, so 2036 wraps to
    /// era 1), the fraction of a second in the low 32 bits.
    /// </summary>
    public static ulong ToNtpTimestamp(DateTimeOffset wallClock)
    {
        var ticks = wallClock.UtcTicks - NtpEra0.UtcTicks;
        if (ticks < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(wallClock), wallClock, "NTP time starts in 1900.");
        }

        var seconds = (ulong)(ticks / TimeSpan.TicksPerSecond) & 0xFFFF_FFFF;
        var fraction = ((ulong)(ticks % TimeSpan.TicksPerSecond) << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }

    /// <summary>
    /// The wall clock of an NTP timestamp, to the tick; a seconds field with its top bit clear is
    /// read as era 1 (from 2036), as RFC 4330 §3 suggests, so the years 1968-2104 come back right.
    /// </summary>
    public static DateTimeOffset FromNtpTimestamp(ulong ntpTimestamp)
    {
        var seconds = (long)(ntpTimestamp >> 32);
        var era = (seconds & 0x8000_0000) != 0 ? NtpEra0 : NtpEra1;
        // Rounded to the nearest tick, so a timestamp written by ToNtpTimestamp reads back exactly.
        var fractionTicks = (long)((((ntpTimestamp & 0xFFFF_FFFF) * TimeSpan.TicksPerSecond) + 0x8000_0000) >> 32);
        return era.AddTicks((seconds * TimeSpan.TicksPerSecond) + fractionTicks);
    }
}
