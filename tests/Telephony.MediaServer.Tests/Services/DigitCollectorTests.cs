using Telephony.MediaServer.Services;

namespace Telephony.MediaServer.Tests.Services;

public sealed class DigitCollectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_UpToMaxDigits_EndsWithTheDigits()
    {
        var collector = Collector(maxDigits: 4);

        Assert.Null(collector.Add('1', Start.AddSeconds(1)));
        Assert.Null(collector.Add('2', Start.AddSeconds(2)));
        Assert.Null(collector.Add('3', Start.AddSeconds(3)));

        Assert.Equal(new CollectedDigits("1234", CollectionEnd.MaxDigits), collector.Add('4', Start.AddSeconds(4)));
        Assert.Null(collector.Add('5', Start.AddSeconds(5)));
    }

    [Fact]
    public void Add_TheTerminator_EndsWithoutIt()
    {
        var collector = Collector(maxDigits: 8);
        collector.Add('4', Start);
        collector.Add('2', Start);

        Assert.Equal(new CollectedDigits("42", CollectionEnd.Terminator), collector.Add('#', Start));
    }

    [Fact]
    public void Expire_NoFirstDigitInTime_EndsEmpty()
    {
        var collector = Collector(maxDigits: 4);

        Assert.Null(collector.Expire(Start.AddSeconds(4.9)));
        Assert.Equal(new CollectedDigits("", CollectionEnd.Timeout), collector.Expire(Start.AddSeconds(5)));
    }

    [Fact]
    public void Expire_AfterADigit_WaitsTheInterDigitTimeoutFromThatDigit()
    {
        var collector = Collector(maxDigits: 4);
        collector.Add('7', Start.AddSeconds(4));

        Assert.Null(collector.Expire(Start.AddSeconds(6.9)));
        Assert.Equal(new CollectedDigits("7", CollectionEnd.Timeout), collector.Expire(Start.AddSeconds(7)));
    }

    private static DigitCollector Collector(int maxDigits) =>
        new(maxDigits, '#', TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3), Start);
}
