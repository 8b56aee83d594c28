namespace Telephony.MediaServer.Media;

/// <summary>What a call hears from us: 20 ms frames of 8 kHz PCM, one per media clock tick.</summary>
public interface IAudioSource
{
    /// <summary>Fills <paramref name="frame"/> (160 samples); false when the source has ended (the frame is then not sent).</summary>
    bool Read(Span<short> frame);
}

/// <summary>Where what a call says goes (a recording): 20 ms frames as they arrive.</summary>
public interface IAudioSink
{
    void Write(ReadOnlySpan<short> frame);
}

/// <summary>
/// Samples played once or in a loop (RFC 4240 play with repeat), with an optional pause
/// between repetitions; the last frame is padded with silence.
/// </summary>
public sealed class SampleSource(short[] samples, int repetitions = 1, TimeSpan pause = default) : IAudioSource
{
    /// <summary>Repeats until the call ends.</summary>
    public const int Forever = int.MaxValue;

    private readonly int _pauseSamples = (int)(pause.TotalSeconds * MediaFormat.SampleRate);
    private int _position;
    private int _played;

    public bool Read(Span<short> frame)
    {
        var written = 0;
        while (written < frame.Length)
        {
            if (_played >= repetitions || (samples.Length == 0 && _pauseSamples == 0))
            {
                if (written == 0)
                {
                    return false;
                }

                frame[written..].Clear();
                return true;
            }

            var cycle = samples.Length + (_played + 1 < repetitions ? _pauseSamples : 0);
            if (_position < samples.Length)
            {
                var count = Math.Min(frame.Length - written, samples.Length - _position);
                samples.AsSpan(_position, count).CopyTo(frame[written..]);
                written += count;
                _position += count;
            }
            else if (_position < cycle)
            {
                var count = Math.Min(frame.Length - written, cycle - _position);
                frame.Slice(written, count).Clear();
                written += count;
                _position += count;
            }

            if (_position >= cycle)
            {
                _position = 0;
                _played++;
            }
        }

        return true;
    }
}

/// <summary>The media format on the wire: 8 kHz, 20 ms packets.</summary>
public static class MediaFormat
{
    public const int SampleRate = 8000;
    public const int SamplesPerFrame = 160;
    public static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);
}
