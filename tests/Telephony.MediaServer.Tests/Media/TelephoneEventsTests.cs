using Telephony.MediaServer.Media;

namespace Telephony.MediaServer.Tests.Media;

public sealed class TelephoneEventsTests
{
    /// <summary>RFC 4733 §2.3: event, E|R|volume(6), duration (16 bits, network order).</summary>
    [Fact]
    public void Write_EndOfDigitFive_FollowsTheRfc4733Layout()
    {
        var buffer = new byte[TelephoneEvents.PayloadSize];

        var length = TelephoneEvents.Write(buffer, new TelephoneEvent(5, End: true, Volume: 10, Duration: 0x0320));

        Assert.Equal(TelephoneEvents.PayloadSize, length);
        Assert.Equal(new byte[] { 5, 0x80 | 10, 0x03, 0x20 }, buffer);
    }

    [Theory]
    [InlineData(new byte[] { 11, 0x0A, 0x00, 0xA0 }, 11, false, 10, 160)]
    [InlineData(new byte[] { 0, 0xBF, 0xFF, 0xFF }, 0, true, 63, 65535)]
    [InlineData(new byte[] { 16, 0x40, 0x01, 0x00 }, 16, false, 0, 256)]
    public void TryParse_Payload_ReadsEachField(byte[] payload, int expectedEvent, bool end, int volume, int duration)
    {
        Assert.True(TelephoneEvents.TryParse(payload, out var telephoneEvent));

        // The R bit (0x40) is ignored, as RFC 4733 §2.3 asks of receivers.
        Assert.Equal(new TelephoneEvent((byte)expectedEvent, end, (byte)volume, (ushort)duration), telephoneEvent);
    }

    [Fact]
    public void TryParse_ShorterThanFourBytes_IsFalse()
    {
        Assert.False(TelephoneEvents.TryParse([5, 0x80, 0x03], out _));
    }

    [Fact]
    public void Write_VolumeOverSixBits_Throws()
    {
        Assert.Throws<ArgumentException>(() => TelephoneEvents.Write(new byte[4], new TelephoneEvent(1, false, 64, 160)));
    }

    [Fact]
    public void ToDigit_EventsZeroToFifteen_AreTheRfc4733Digits()
    {
        var digits = new string([.. Enumerable.Range(0, 16).Select(e => TelephoneEvents.ToDigit((byte)e)!.Value)]);

        Assert.Equal("0123456789*#ABCD", digits);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(255)]
    public void ToDigit_OtherEvents_IsNull(int telephoneEvent)
    {
        Assert.Null(TelephoneEvents.ToDigit((byte)telephoneEvent));
    }

    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('*', 10)]
    [InlineData('#', 11)]
    [InlineData('A', 12)]
    [InlineData('D', 15)]
    public void FromDigit_Digit_IsItsEvent(char digit, int expected)
    {
        Assert.Equal(expected, TelephoneEvents.FromDigit(digit));
    }

    [Theory]
    [InlineData('E')]
    [InlineData('a')]
    [InlineData(' ')]
    [InlineData('+')]
    public void FromDigit_OtherCharacter_Throws(char digit)
    {
        Assert.Throws<ArgumentException>(() => TelephoneEvents.FromDigit(digit));
    }
}
