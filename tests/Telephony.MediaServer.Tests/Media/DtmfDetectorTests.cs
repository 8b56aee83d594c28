using Telephony.MediaServer.Media;

namespace Telephony.MediaServer.Tests.Media;

public sealed class DtmfDetectorTests
{
    private const uint Ssrc = 0x1234;

    [Fact]
    public void Feed_StartUpdatesAndThreeEnds_ReportsTheDigitOnce()
    {
        var detector = new DtmfDetector();

        var reported = Feed(detector, Press('5', at: 1000));

        Assert.Equal("5", reported);
    }

    [Fact]
    public void Feed_FirstPacket_ReportsAtOnceNotAtTheEnd()
    {
        var detector = new DtmfDetector();
        var packets = Press('9', at: 1000);

        Assert.Equal('9', detector.Feed(packets[0].Header, packets[0].Event));
    }

    [Fact]
    public void Feed_TwoDigits_ReportsEachOnceInOrder()
    {
        var detector = new DtmfDetector();

        var reported = Feed(detector, [.. Press('1', at: 1000), .. Press('2', at: 3000)]);

        Assert.Equal("12", reported);
    }

    [Fact]
    public void Feed_SameDigitTwice_ReportsItTwice()
    {
        var detector = new DtmfDetector();

        var reported = Feed(detector, [.. Press('3', at: 1000), .. Press('3', at: 3000)]);

        Assert.Equal("33", reported);
    }

    [Fact]
    public void Feed_StartPacketLost_ReportsOnTheFirstUpdate()
    {
        var detector = new DtmfDetector();
        var packets = Press('4', at: 1000);

        Assert.Equal('4', detector.Feed(packets[1].Header, packets[1].Event));
        Assert.Equal(string.Empty, Feed(detector, packets[2..]));
    }

    [Fact]
    public void Feed_OnlyTheEndPacketsArrive_ReportsTheDigitOnce()
    {
        var detector = new DtmfDetector();

        var reported = Feed(detector, Press('#', at: 1000)[^3..]);

        Assert.Equal("#", reported);
    }

    [Fact]
    public void Feed_EveryPacketDuplicated_ReportsEachDigitOnce()
    {
        var detector = new DtmfDetector();
        var packets = Press('6', at: 1000).Concat(Press('7', at: 3000)).SelectMany(p => new[] { p, p }).ToArray();

        var reported = Feed(detector, packets);

        Assert.Equal("67", reported);
    }

    [Fact]
    public void Feed_EndOfFirstDigitArrivesAfterTheSecondStarts_ReportsEachDigitOnce()
    {
        var detector = new DtmfDetector();
        var first = Press('1', at: 1000);
        var second = Press('2', at: 3000);

        // The first digit's updates and end packets are delayed past the second digit's start.
        var reported = Feed(detector, [first[0], second[0], .. first[1..], .. second[1..]]);

        Assert.Equal("12", reported);
    }

    [Fact]
    public void Feed_UpdatesReordered_ReportsTheDigitOnce()
    {
        var detector = new DtmfDetector();
        var packets = Press('8', at: 1000);

        var reported = Feed(detector, [packets[2], packets[0], packets[4], packets[1], .. packets[3..]]);

        Assert.Equal("8", reported);
    }

    [Fact]
    public void Feed_TimestampWrapsBetweenDigits_ReportsBoth()
    {
        var detector = new DtmfDetector();

        var reported = Feed(detector, [.. Press('1', at: uint.MaxValue - 900), .. Press('2', at: 1200)]);

        Assert.Equal("12", reported);
    }

    /// <summary>RFC 4733 §2.5.1.3: past 65535 units the event goes on in a segment with a new timestamp.</summary>
    [Fact]
    public void Feed_LongEventInTwoSegments_ReportsTheDigitOnce()
    {
        var detector = new DtmfDetector();
        var code = TelephoneEvents.FromDigit('0');
        var segment1 = new RtpHeader(true, 101, 1, 1000, Ssrc);
        var segment2 = new RtpHeader(false, 101, 3, 1000 + ushort.MaxValue, Ssrc);

        Assert.Equal('0', detector.Feed(segment1, new TelephoneEvent(code, false, 10, 160)));
        Assert.Null(detector.Feed(segment1 with { Marker = false, SequenceNumber = 2 }, new TelephoneEvent(code, false, 10, ushort.MaxValue)));
        Assert.Null(detector.Feed(segment2, new TelephoneEvent(code, false, 10, 160)));
        Assert.Null(detector.Feed(segment2 with { SequenceNumber = 4 }, new TelephoneEvent(code, true, 10, 800)));
    }

    [Fact]
    public void Feed_NewSsrc_IsANewStream()
    {
        var detector = new DtmfDetector();
        var packets = Press('5', at: 1000);

        Feed(detector, packets);
        var again = detector.Feed(packets[0].Header with { Ssrc = Ssrc + 1 }, packets[0].Event);

        Assert.Equal('5', again);
    }

    [Fact]
    public void Feed_NonDigitEvent_ReportsNothingButIsNotConfusedWithTheNextDigit()
    {
        var detector = new DtmfDetector();
        var flash = new RtpHeader(true, 101, 1, 1000, Ssrc);

        Assert.Null(detector.Feed(flash, new TelephoneEvent(16, false, 10, 160)));
        Assert.Equal("1", Feed(detector, Press('1', at: 3000)));
    }

    /// <summary>The packets DtmfSequence sends for a 100 ms digit starting at timestamp <paramref name="at"/>.</summary>
    private static (RtpHeader Header, TelephoneEvent Event)[] Press(char digit, uint at)
    {
        var events = DtmfSequence.For(digit, TimeSpan.FromMilliseconds(100));
        return [.. events.Select((e, i) => (DtmfSequence.Header(i, 101, (ushort)(at / 10), at, Ssrc), e))];
    }

    private static string Feed(DtmfDetector detector, IEnumerable<(RtpHeader Header, TelephoneEvent Event)> packets) =>
        string.Concat(packets.Select(p => detector.Feed(p.Header, p.Event)).OfType<char>());
}
