namespace Telephony.MediaServer.Media;

/// <summary>
/// Send side: the RTP packets for one digit (RFC 4733 §2.5): the first with Marker set, one every
/// 20 ms (160 timestamp units at 8 kHz) with growing Duration, all with the same RTP timestamp
/// (the event's start), then the end packet sent 3 times.
/// </summary>
/// <remarks>
/// Packet i (counting from 0) goes out <see cref="PacketInterval"/> × i after the first, the end
/// packet's two copies included (RFC 4733 §2.5.1.4: "a total of three times at the interval used
/// by the source for updates"; <see cref="RtpSession.SendDigit"/> sends one per tick);
/// <see cref="Header"/> builds each packet's RTP header. A digit is one segment,
/// so at most 65535 units (8.19 s at 8 kHz, RFC 4733 §2.5.1.3) long.
/// </remarks>
public static class DtmfSequence
{
    /// <summary>The update interval: the audio packet time we send (a=ptime:20).</summary>
    public static readonly TimeSpan PacketInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>RFC 4733 §2.5.1.4: the end packet is sent three times in all.</summary>
    public const int EndPacketCount = 3;

    private const int UnitsPerPacket = 160;
    private const long TicksPerUnit = TimeSpan.TicksPerSecond / 8000;

    public static IReadOnlyList<TelephoneEvent> For(char digit, TimeSpan duration, byte volume = 10)
    {
        var code = TelephoneEvents.FromDigit(digit);
        if (volume > TelephoneEvents.MaxVolume)
        {
            throw new ArgumentOutOfRangeException(nameof(volume), volume, "The volume is 0-63 (-dBm0).");
        }

        var units = duration.Ticks / TicksPerUnit;
        if (units is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A digit lasts from one 8 kHz sample to 65535 of them.");
        }

        var updates = (int)((units - 1) / UnitsPerPacket);
        var packets = new TelephoneEvent[updates + EndPacketCount];
        for (var i = 0; i < updates; i++)
        {
            packets[i] = new TelephoneEvent(code, End: false, volume, (ushort)((i + 1) * UnitsPerPacket));
        }

        for (var i = updates; i < packets.Length; i++)
        {
            packets[i] = new TelephoneEvent(code, End: true, volume, (ushort)units);
        }

        return packets;
    }

    /// <summary>
    /// The RTP header of packet <paramref name="index"/> of a sequence: the marker on the first
    /// only, consecutive sequence numbers, and the event's start as the timestamp of every
    /// packet (RFC 4733 §2.5.1).
    /// </summary>
    public static RtpHeader Header(int index, byte payloadType, ushort firstSequenceNumber, uint eventTimestamp, uint ssrc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new RtpHeader(
            Marker: index == 0,
            PayloadType: payloadType,
            SequenceNumber: (ushort)(firstSequenceNumber + index),
            Timestamp: eventTimestamp,
            Ssrc: ssrc);
    }
}
