using Telephony.MediaServer.Audio;

namespace Telephony.MediaServer.Tests.Audio;

public sealed class PeakNormalizerTests
{
    [Fact]
    public void Normalize_QuietSignal_PeaksAtMinus3Dbfs()
    {
        short[] samples = [0, 1000, -2000, 500];

        PeakNormalizer.Normalize(samples);

        Assert.Equal(-3, AudioTestTools.Dbfs(AudioTestTools.Peak(samples) / (double)short.MaxValue), precision: 1);
        Assert.Equal([0, 11599, -23197, 5799], samples);
    }

    [Fact]
    public void Normalize_ClippedSignal_IsTurnedDown()
    {
        short[] samples = [short.MinValue, short.MaxValue];

        PeakNormalizer.Normalize(samples);

        Assert.Equal([-23197, 23197], samples);
    }

    [Fact]
    public void Normalize_Silence_StaysSilent()
    {
        var samples = new short[100];

        PeakNormalizer.Normalize(samples);

        Assert.All(samples, s => Assert.Equal(0, s));
    }

    [Fact]
    public void Normalize_NearSilence_GainCappedAt24Db()
    {
        short[] samples = [10, -10];

        PeakNormalizer.Normalize(samples);

        // +24 dB is a factor of 15.85.
        Assert.Equal([158, -158], samples);
    }
}
