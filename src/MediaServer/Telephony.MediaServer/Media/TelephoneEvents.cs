using System.Buffers.Binary;

namespace Telephony.MediaServer.Media;

/// <summary>Reads and writes the RFC 4733 §2.3 telephone-event payload. Allocation-free.</summary>
public static class TelephoneEvents
{
    public const int PayloadSize = 4;

    /// <summary>RFC 4733 §2.3.4: the volume field is 6 bits.</summary>
    public const byte MaxVolume = 63;

    /// <summary>The events 0-15 in the order RFC 4733 §3.2 (table 7) numbers them.</summary>
    private const string Digits = "0123456789*#ABCD";

    /// <summary>
    /// Reads the first event of a payload. The R bit is ignored (RFC 4733 §2.3: the receiver
    /// ignores it); octets after the first four are not looked at.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent telephoneEvent)
    {
        if (payload.Length < PayloadSize)
        {
            telephoneEvent = default;
            return false;
        }

        telephoneEvent = new TelephoneEvent(
            Event: payload[0],
            End: (payload[1] & 0x80) != 0,
            Volume: (byte)(payload[1] & 0x3F),
            Duration: BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the payload (R bit zero, RFC 4733 §2.3.3); returns <see cref="PayloadSize"/>.</summary>
    public static int Write(Span<byte> buffer, TelephoneEvent telephoneEvent)
    {
        if (buffer.Length < PayloadSize)
        {
            throw new ArgumentException($"A telephone-event payload needs {PayloadSize} bytes, the buffer has {buffer.Length}.", nameof(buffer));
        }

        if (telephoneEvent.Volume > MaxVolume)
        {
            throw new ArgumentException($"Volume {telephoneEvent.Volume} does not fit in 6 bits.", nameof(telephoneEvent));
        }

        buffer[0] = telephoneEvent.Event;
        buffer[1] = (byte)((telephoneEvent.End ? 0x80 : 0) | telephoneEvent.Volume);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], telephoneEvent.Duration);
        return PayloadSize;
    }

    /// <summary>0-9, *, #, A-D (events 0-15, RFC 4733 §3.2); null for other events.</summary>
    public static char? ToDigit(byte telephoneEvent) =>
        telephoneEvent < Digits.Length ? Digits[telephoneEvent] : null;

    /// <exception cref="ArgumentException">The character is not one of 0-9, *, #, A-D.</exception>
    public static byte FromDigit(char digit)
    {
        var index = Digits.IndexOf(digit, StringComparison.Ordinal);
        return index >= 0
            ? (byte)index
            : throw new ArgumentException($"'{digit}' is not a DTMF digit (0-9, *, #, A-D).", nameof(digit));
    }
}
