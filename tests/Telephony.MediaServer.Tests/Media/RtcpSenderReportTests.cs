using System.Buffers.Binary;
using Telephony.MediaServer.Media;

namespace Telephony.MediaServer.Tests.Media;

public sealed class RtcpSenderReportTests
{
    private static readonly DateTimeOffset NewYear2026 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WriteThenTryParse_Report_GivesItsFieldsBack()
    {
        var buffer = new byte[64];

        var length = RtcpSenderReport.Write(buffer, 0xCAFEBABE, NewYear2026, 160_000, 1_000, 160_000);
        var parsed = RtcpSenderReport.TryParse(buffer.AsSpan(0, length), out uint ssrc, out var rtpTimestamp, out var packetCount);

        Assert.True(parsed);
        Assert.Equal(RtcpSenderReport.Size, length);
        Assert.Equal((0xCAFEBABEu, 160_000u, 1_000u), (ssrc, rtpTimestamp, packetCount));
    }

    /// <summary>RFC 3550 §4: seconds since 1 January 1900 (2026 is 3,976,214,400 of them = 0xED003780), then the fraction.</summary>
    [Fact]
    public void Write_KnownWallClock_CarriesItsNtpTimestamp()
    {
        var buffer = new byte[RtcpSenderReport.Size];

        RtcpSenderReport.Write(buffer, 1, NewYear2026.AddMilliseconds(500), 0, 0, 0);

        Assert.Equal(0xED003780_80000000ul, BinaryPrimitives.ReadUInt64BigEndian(buffer.AsSpan(8)));
        Assert.True(RtcpSenderReport.TryParse(buffer, out RtcpSenderInfo info));
        Assert.Equal(0xED003780_80000000ul, info.NtpTimestamp);
        Assert.Equal(NewYear2026.AddMilliseconds(500), RtcpSenderReport.FromNtpTimestamp(info.NtpTimestamp));
    }

    [Fact]
    public void ToNtpTimestamp_UnixEpoch_IsTheRfc868Offset()
    {
        Assert.Equal(2_208_988_800ul << 32, RtcpSenderReport.ToNtpTimestamp(DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData("2036-02-07T06:28:15.9999999Z")]
    [InlineData("2036-02-07T06:28:16Z")]
    [InlineData("2040-06-01T12:00:00.1234567Z")]
    public void FromNtpTimestamp_AcrossThe2036Wrap_GivesTheWallClockBack(string wallClock)
    {
        var time = DateTimeOffset.Parse(wallClock, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(time, RtcpSenderReport.FromNtpTimestamp(RtcpSenderReport.ToNtpTimestamp(time)));
    }

    [Fact]
    public void Write_Header_IsVersionTwoPacketType200LengthSix()
    {
        var buffer = new byte[RtcpSenderReport.Size];

        RtcpSenderReport.Write(buffer, 1, NewYear2026, 0, 0, 0);

        Assert.Equal(new byte[] { 0x80, 200, 0, 6 }, buffer[..4]);
    }

    [Fact]
    public void TryParse_CompoundWithReceiverReportFirst_FindsTheSenderReport()
    {
        var compound = new byte[8 + RtcpSenderReport.Size + 12];
        compound[0] = 0x80;
        compound[1] = 201;
        compound[3] = 1;
        RtcpSenderReport.Write(compound.AsSpan(8), 42, NewYear2026, 7, 9, 11);
        // An SDES after it (RFC 3550 §6.1 puts one in every compound packet).
        compound[36] = 0x81;
        compound[37] = 202;
        compound[39] = 2;

        Assert.True(RtcpSenderReport.TryParse(compound, out RtcpSenderInfo info));

        Assert.Equal(new RtcpSenderInfo(42, RtcpSenderReport.ToNtpTimestamp(NewYear2026), 7, 9, 11), info);
    }

    [Fact]
    public void TryParse_ReceiverReportOnly_IsFalse()
    {
        byte[] receiverReport = [0x80, 201, 0, 1, 0, 0, 0, 42];

        Assert.False(RtcpSenderReport.TryParse(receiverReport, out _, out _, out _));
    }

    [Fact]
    public void TryParse_EveryTruncation_IsFalseWithoutThrowing()
    {
        var buffer = new byte[RtcpSenderReport.Size];
        RtcpSenderReport.Write(buffer, 1, NewYear2026, 2, 3, 4);

        for (var length = 0; length < buffer.Length; length++)
        {
            Assert.False(RtcpSenderReport.TryParse(buffer.AsSpan(0, length), out _, out _, out _));
        }
    }

    [Fact]
    public void TryParse_LengthFieldPastTheDatagram_IsFalse()
    {
        var buffer = new byte[RtcpSenderReport.Size];
        RtcpSenderReport.Write(buffer, 1, NewYear2026, 2, 3, 4);
        buffer[3] = 7;

        Assert.False(RtcpSenderReport.TryParse(buffer, out _, out _, out _));
    }

    [Fact]
    public void TryParse_RtpPacket_IsFalse()
    {
        var packet = new byte[172];
        RtpPacket.Write(packet, new RtpHeader(false, 0, 1, 160, 42), new byte[160]);

        Assert.False(RtcpSenderReport.TryParse(packet, out _, out _, out _));
    }
}
