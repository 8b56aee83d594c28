using System.Buffers.Binary;
using Telephony.MediaServer.Media;

namespace Telephony.MediaServer.Tests.Media;

public sealed class RtpPacketTests
{
    private static readonly RtpHeader Header = new(Marker: true, PayloadType: 8, SequenceNumber: 0xBEEF, Timestamp: 0xDEADBEEF, Ssrc: 0x12345678);
    private const int PayloadLength = 5;
    private static readonly byte[] Payload = [1, 2, 3, 4, 5];

    [Fact]
    public void WriteThenTryParse_Packet_GivesTheHeaderAndPayloadBack()
    {
        var buffer = new byte[100];

        var length = RtpPacket.Write(buffer, Header, Payload);
        var parsed = RtpPacket.TryParse(buffer.AsSpan(0, length), out var header, out var offset, out var payloadLength, out var rejection);

        Assert.True(parsed);
        Assert.Equal(RtpRejection.None, rejection);
        Assert.Equal(Header, header);
        Assert.Equal(RtpPacket.HeaderSize + Payload.Length, length);
        Assert.Equal(Payload, buffer.AsSpan(offset, payloadLength).ToArray());
    }

    [Fact]
    public void Write_Header_FollowsTheRfc3550Layout()
    {
        var buffer = new byte[RtpPacket.HeaderSize];

        RtpPacket.Write(buffer, new RtpHeader(false, 0, 1, 2, 3), []);

        Assert.Equal(new byte[] { 0x80, 0x00, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3 }, buffer);
    }

    [Fact]
    public void TryParse_TwoCsrcs_PayloadStartsAfterThem()
    {
        var packet = Build(csrcCount: 2);

        Assert.True(RtpPacket.TryParse(packet, out var header, out var offset, out var length, out _));

        Assert.Equal(RtpPacket.HeaderSize + 8, offset);
        Assert.Equal(Payload, packet.AsSpan(offset, length).ToArray());
        Assert.Equal(Header, header);
    }

    [Fact]
    public void TryParse_HeaderExtension_IsSkipped()
    {
        var packet = Build(csrcCount: 1, extensionWords: 3);

        Assert.True(RtpPacket.TryParse(packet, out _, out var offset, out var length, out _));

        Assert.Equal(RtpPacket.HeaderSize + 4 + 4 + 12, offset);
        Assert.Equal(Payload, packet.AsSpan(offset, length).ToArray());
    }

    [Fact]
    public void TryParse_Padding_IsRemoved()
    {
        var packet = Build(padding: 3);

        Assert.True(RtpPacket.TryParse(packet, out _, out var offset, out var length, out _));

        Assert.Equal(Payload, packet.AsSpan(offset, length).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void TryParse_VersionOtherThanTwo_IsRejected(int version)
    {
        var packet = Build();
        packet[0] = (byte)((packet[0] & 0x3F) | (version << 6));

        Assert.False(RtpPacket.TryParse(packet, out _, out _, out _, out var rejection));
        Assert.Equal(RtpRejection.BadVersion, rejection);
    }

    [Fact]
    public void TryParse_EveryPrefixShorterThanTheHeader_IsRejectedAsTooShort()
    {
        var packet = Build(csrcCount: 1, extensionWords: 1, padding: 2);

        for (var length = 0; length < RtpPacket.HeaderSize; length++)
        {
            Assert.False(RtpPacket.TryParse(packet.AsSpan(0, length), out _, out _, out _, out var rejection));
            Assert.Equal(RtpRejection.TooShort, rejection);
        }
    }

    [Fact]
    public void TryParse_EveryPrefixOfAPacketWithCsrcsAndExtension_IsRejectedWithoutThrowing()
    {
        var packet = Build(csrcCount: 2, extensionWords: 2);
        var payloadStart = RtpPacket.HeaderSize + 8 + 4 + 8;

        for (var length = RtpPacket.HeaderSize; length < payloadStart; length++)
        {
            Assert.False(RtpPacket.TryParse(packet.AsSpan(0, length), out _, out _, out _, out var rejection));
            Assert.Contains(rejection, new[] { RtpRejection.BadLength, RtpRejection.BadExtension });
        }

        Assert.True(RtpPacket.TryParse(packet.AsSpan(0, payloadStart), out _, out _, out var payloadLength, out _));
        Assert.Equal(0, payloadLength);
    }

    [Fact]
    public void TryParse_CsrcCountPastTheEnd_IsRejectedAsBadLength()
    {
        var packet = Build();
        packet[0] |= 0x0F;

        Assert.False(RtpPacket.TryParse(packet, out _, out _, out _, out var rejection));
        Assert.Equal(RtpRejection.BadLength, rejection);
    }

    [Fact]
    public void TryParse_ExtensionLengthPastTheEnd_IsRejectedAsBadExtension()
    {
        var packet = Build(extensionWords: 1);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(RtpPacket.HeaderSize + 2), 100);

        Assert.False(RtpPacket.TryParse(packet, out _, out _, out _, out var rejection));
        Assert.Equal(RtpRejection.BadExtension, rejection);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(PayloadLength + 1)]
    [InlineData(255)]
    public void TryParse_PaddingCountZeroOrPastThePayload_IsRejectedAsBadPadding(int count)
    {
        var packet = Build();
        packet[0] |= 0x20;
        packet[^1] = (byte)count;

        Assert.False(RtpPacket.TryParse(packet, out _, out _, out _, out var rejection));
        Assert.Equal(RtpRejection.BadPadding, rejection);
    }

    [Fact]
    public void TryParse_PaddingCoveringTheWholePayload_GivesAnEmptyPayload()
    {
        var packet = Build();
        packet[0] |= 0x20;
        packet[^1] = PayloadLength;

        Assert.True(RtpPacket.TryParse(packet, out _, out _, out var length, out _));
        Assert.Equal(0, length);
    }

    /// <summary>RFC 5761 §4: RTCP SR, RR, SDES, BYE and APP on a port shared with RTP.</summary>
    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(203)]
    [InlineData(204)]
    public void TryParse_RtcpPacketType_IsRejectedAsRtcp(int packetType)
    {
        var packet = new byte[28];
        packet[0] = 0x80;
        packet[1] = (byte)packetType;

        Assert.False(RtpPacket.TryParse(packet, out _, out _, out _, out var rejection));
        Assert.Equal(RtpRejection.IsRtcp, rejection);
    }

    [Fact]
    public void TryParse_EightByteReceiverReport_IsRejectedAsRtcpNotTooShort()
    {
        byte[] receiverReport = [0x80, 201, 0, 1, 0x12, 0x34, 0x56, 0x78];

        Assert.False(RtpPacket.TryParse(receiverReport, out _, out _, out _, out var rejection));
        Assert.Equal(RtpRejection.IsRtcp, rejection);
    }

    [Fact]
    public void TryParse_DynamicPayloadTypeWithMarker_IsRtp()
    {
        var packet = Build();
        packet[1] = 0x80 | 101;

        Assert.True(RtpPacket.TryParse(packet, out var header, out _, out _, out _));
        Assert.Equal((true, (byte)101), (header.Marker, header.PayloadType));
    }

    [Fact]
    public void Write_BufferTooSmall_Throws()
    {
        Assert.Throws<ArgumentException>(() => RtpPacket.Write(new byte[RtpPacket.HeaderSize + 4], Header, Payload));
    }

    [Fact]
    public void Write_PayloadTypeOverSevenBits_Throws()
    {
        Assert.Throws<ArgumentException>(() => RtpPacket.Write(new byte[100], Header with { PayloadType = 128 }, Payload));
    }

    /// <summary>Seeded, so a failure reproduces: random bytes and mutated valid packets.</summary>
    [Fact]
    public void TryParse_TenThousandRandomDatagrams_NeverThrowsAndStaysInBounds()
    {
        var random = new Random(3550);
        var valid = Build(csrcCount: 1, extensionWords: 1, padding: 2);

        for (var i = 0; i < 10_000; i++)
        {
            byte[] datagram;
            if (i % 2 == 0)
            {
                datagram = new byte[random.Next(0, 64)];
                random.NextBytes(datagram);
                if (datagram.Length > 0 && random.Next(2) == 0)
                {
                    datagram[0] = (byte)(0x80 | (datagram[0] & 0x3F));
                }
            }
            else
            {
                datagram = valid.AsSpan(0, random.Next(valid.Length + 1)).ToArray();
                for (var flips = random.Next(1, 4); flips > 0 && datagram.Length > 0; flips--)
                {
                    datagram[random.Next(datagram.Length)] = (byte)random.Next(256);
                }
            }

            if (RtpPacket.TryParse(datagram, out _, out var offset, out var length, out var rejection))
            {
                Assert.Equal(RtpRejection.None, rejection);
                Assert.InRange(offset, RtpPacket.HeaderSize, datagram.Length);
                Assert.InRange(length, 0, datagram.Length - offset);
            }
            else
            {
                Assert.NotEqual(RtpRejection.None, rejection);
            }
        }
    }

    /// <summary>The header and <see cref="Payload"/> with CSRCs, a header extension and padding as asked.</summary>
    private static byte[] Build(int csrcCount = 0, int extensionWords = -1, int padding = 0)
    {
        var packet = new List<byte>();
        var buffer = new byte[RtpPacket.HeaderSize];
        RtpPacket.Write(buffer, Header, []);
        buffer[0] |= (byte)csrcCount;
        if (extensionWords >= 0)
        {
            buffer[0] |= 0x10;
        }

        if (padding > 0)
        {
            buffer[0] |= 0x20;
        }

        packet.AddRange(buffer);
        for (var i = 0; i < csrcCount; i++)
        {
            packet.AddRange([0xCC, 0xCC, 0xCC, (byte)i]);
        }

        if (extensionWords >= 0)
        {
            packet.AddRange([0xBE, 0xDE, 0, (byte)extensionWords]);
            packet.AddRange(Enumerable.Repeat((byte)0xEE, 4 * extensionWords));
        }

        packet.AddRange(Payload);
        if (padding > 0)
        {
            packet.AddRange(Enumerable.Repeat((byte)0, padding - 1));
            packet.Add((byte)padding);
        }

        return [.. packet];
    }
}
