using Telephony.MediaServer.Media;

namespace Telephony.MediaServer.Tests.Media;

public sealed class SampleSourceTests
{
    [Fact]
    public void Read_PlayedOnce_GivesEverySampleThenPadsTheLastFrameThenEnds()
    {
        var samples = Enumerable.Range(1, 400).Select(i => (short)i).ToArray();
        var source = new SampleSource(samples);
        var frames = ReadAll(source, max: 10);

        Assert.Equal(3, frames.Count);
        Assert.Equal(samples, frames.SelectMany(f => f).Take(400));
        Assert.All(frames[2].Skip(80), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Read_RepeatedWithAPause_PlaysEachRepetitionSeparatedBySilence()
    {
        var samples = Enumerable.Repeat((short)1000, 160).ToArray();
        var source = new SampleSource(samples, repetitions: 2, pause: TimeSpan.FromMilliseconds(40));

        var frames = ReadAll(source, max: 10);

        // tone, 2 frames of pause, tone; no pause after the last repetition
        Assert.Equal([1000, 0, 0, 1000], frames.Select(f => (int)f[0]));
    }

    [Fact]
    public void Read_Forever_NeverEnds()
    {
        var source = new SampleSource([1, 2, 3], SampleSource.Forever);

        Assert.Equal(1000, ReadAll(source, max: 1000).Count);
    }

    [Fact]
    public void Read_NothingToPlay_EndsAtOnce()
    {
        Assert.Empty(ReadAll(new SampleSource([]), max: 10));
    }

    private static List<short[]> ReadAll(SampleSource source, int max)
    {
        var frames = new List<short[]>();
        var frame = new short[MediaFormat.SamplesPerFrame];
        while (frames.Count < max && source.Read(frame))
        {
            frames.Add((short[])frame.Clone());
        }

        return frames;
    }
}
