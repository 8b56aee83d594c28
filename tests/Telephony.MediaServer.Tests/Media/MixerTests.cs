using Telephony.MediaServer.Media;

namespace Telephony.MediaServer.Tests.Media;

public sealed class MixerTests
{
    private const int FrameSamples = 160;

    [Fact]
    public void MixMinusOne_ThreeParties_EachHearsTheOtherTwo()
    {
        short[][] frames = [Frame(100), Frame(20), Frame(-3)];
        var outputs = Outputs(3);

        Mixer.MixMinusOne(frames, outputs);

        Assert.All(outputs[0], s => Assert.Equal(17, s));
        Assert.All(outputs[1], s => Assert.Equal(97, s));
        Assert.All(outputs[2], s => Assert.Equal(120, s));
    }

    [Fact]
    public void MixMinusOne_TwoLoudParties_SaturateWithoutWrapping()
    {
        short[][] frames = [Frame(30_000), Frame(30_000), Frame(-30_000), Frame(-30_000), Frame(0)];
        frames[4][0] = short.MaxValue;
        var outputs = Outputs(5);

        Mixer.MixMinusOne(frames, outputs);

        // Party 4 hears 30000 + 30000 - 30000 - 30000 + nothing of its own = 0.
        Assert.All(outputs[4], s => Assert.Equal(0, s));
        // Party 2 hears 30000 + 30000 - 30000 (+ 32767 at sample 0): 30000, then 62767 clamped.
        Assert.Equal(short.MaxValue, outputs[2][0]);
        Assert.Equal(30_000, outputs[2][1]);
    }

    [Fact]
    public void MixMinusOne_TwoLoudPartiesHeardByAThird_ClampAtTheLimits()
    {
        short[][] frames = [Frame(short.MaxValue), Frame(30_000), Frame(0)];
        short[][] negative = [Frame(short.MinValue), Frame(-30_000), Frame(0)];
        var outputs = Outputs(3);
        var negativeOutputs = Outputs(3);

        Mixer.MixMinusOne(frames, outputs);
        Mixer.MixMinusOne(negative, negativeOutputs);

        Assert.All(outputs[2], s => Assert.Equal(short.MaxValue, s));
        Assert.All(negativeOutputs[2], s => Assert.Equal(short.MinValue, s));
    }

    [Fact]
    public void MixMinusOne_SilentPartyWithAnEmptyFrame_HearsTheOthersAndAddsNothing()
    {
        short[][] frames = [Frame(500), [], Frame(-200)];
        var outputs = Outputs(3);

        Mixer.MixMinusOne(frames, outputs);

        Assert.All(outputs[0], s => Assert.Equal(-200, s));
        Assert.All(outputs[1], s => Assert.Equal(300, s));
        Assert.All(outputs[2], s => Assert.Equal(500, s));
    }

    [Fact]
    public void MixMinusOne_SixParties_EachHearsTheSumOfTheOtherFive()
    {
        short[][] frames = [.. Enumerable.Range(1, 6).Select(p => Ramp(p))];
        var outputs = Outputs(6);

        Mixer.MixMinusOne(frames, outputs);

        for (var party = 0; party < 6; party++)
        {
            for (var s = 0; s < FrameSamples; s++)
            {
                var expected = frames.Where((_, other) => other != party).Sum(f => f[s]);
                Assert.Equal(expected, outputs[party][s]);
            }
        }
    }

    [Fact]
    public void MixMinusOne_OutputsAreTheFramesThemselves_MixesInPlace()
    {
        short[][] frames = [Frame(100), Frame(20), Frame(-3)];

        Mixer.MixMinusOne(frames, frames);

        Assert.Equal([17, 97, 120], frames.Select(f => (int)f[FrameSamples - 1]));
    }

    [Fact]
    public void MixMinusOne_FramesAndOutputsOfDifferentCounts_Throws()
    {
        Assert.Throws<ArgumentException>(() => Mixer.MixMinusOne(new short[][] { Frame(1), Frame(2) }, Outputs(3)));
    }

    private static short[] Frame(short value) => Enumerable.Repeat(value, FrameSamples).ToArray();

    /// <summary>A different signal per party, large enough that five of them still fit in 16 bits.</summary>
    private static short[] Ramp(int party) => [.. Enumerable.Range(0, FrameSamples).Select(s => (short)((party * 1000) - (s * 40)))];

    private static short[][] Outputs(int parties) => [.. Enumerable.Range(0, parties).Select(_ => new short[FrameSamples])];
}
