using Telephony.MediaServer.Media;

namespace Telephony.MediaServer.Tests.Media;

public sealed class DtmfSequenceTests
{
    [Fact]
    public void For_Five100Milliseconds_UpdatesEvery20MillisecondsThenThreeEndPackets()
    {
        var packets = DtmfSequence.For('5', TimeSpan.FromMilliseconds(100));

        TelephoneEvent[] expected =
        [
            new(5, End: false, 10, 160),
            new(5, End: false, 10, 320),
            new(5, End: false, 10, 480),
            new(5, End: false, 10, 640),
            new(5, End: true, 10, 800),
            new(5, End: true, 10, 800),
            new(5, End: true, 10, 800),
        ];
        Assert.Equal(expected, packets);
    }

    [Fact]
    public void Header_EachPacketOfASequence_MarkerOnFirstOnlyAndOneTimestamp()
    {
        var packets = DtmfSequence.For('5', TimeSpan.FromMilliseconds(100));

        var headers = Enumerable.Range(0, packets.Count)
            .Select(i => DtmfSequence.Header(i, payloadType: 101, firstSequenceNumber: 65534, eventTimestamp: 48_000, ssrc: 7))
            .ToList();

        Assert.Equal([true, false, false, false, false, false, false], headers.Select(h => h.Marker));
        Assert.All(headers, h => Assert.Equal(48_000u, h.Timestamp));
        Assert.Equal([65534, 65535, 0, 1, 2, 3, 4], headers.Select(h => (int)h.SequenceNumber));
        Assert.All(headers, h => Assert.Equal((101, 7u), (h.PayloadType, h.Ssrc)));
    }

    [Fact]
    public void For_DurationNotAMultipleOf20Milliseconds_EndsOnTheExactDuration()
    {
        var packets = DtmfSequence.For('#', TimeSpan.FromMilliseconds(90), volume: 0);

        Assert.Equal([160, 320, 480, 640, 720, 720, 720], packets.Select(p => (int)p.Duration));
        Assert.All(packets, p => Assert.Equal((11, 0), (p.Event, p.Volume)));
    }

    [Fact]
    public void For_ShorterThanOnePacket_IsOnlyTheEndPackets()
    {
        var packets = DtmfSequence.For('1', TimeSpan.FromMilliseconds(20));

        Assert.Equal(DtmfSequence.EndPacketCount, packets.Count);
        Assert.All(packets, p => Assert.Equal((true, 160), (p.End, (int)p.Duration)));
    }

    [Fact]
    public void For_SequenceFedToADetector_ReportsTheDigitOnce()
    {
        var detector = new DtmfDetector();
        var packets = DtmfSequence.For('7', TimeSpan.FromMilliseconds(200));

        var reported = packets
            .Select((p, i) => detector.Feed(DtmfSequence.Header(i, 101, 1, 8000, 9), p))
            .Where(d => d is not null)
            .ToList();

        Assert.Equal(['7'], reported);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    [InlineData(8200)]
    public void For_DurationOutsideOneSegment_Throws(int milliseconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DtmfSequence.For('1', TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void For_NotADigit_Throws()
    {
        Assert.Throws<ArgumentException>(() => DtmfSequence.For('x', TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void For_VolumeOverSixBits_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DtmfSequence.For('1', TimeSpan.FromMilliseconds(100), volume: 64));
    }
}
