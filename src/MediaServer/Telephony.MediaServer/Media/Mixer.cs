namespace Telephony.MediaServer.Media;

/// <summary>
/// Conference mixing (N-minus-one): each party hears the sum of the others, saturated to 16
/// bits, no wrap-around clicks.
/// </summary>
public static class Mixer
{
    /// <summary>
    /// frames[i] is party i's 20 ms PCM frame (160 samples, or empty when silent/absent); writes
    /// into outputs[i] the mix of every frame but i. Allocation-free (no LINQ).
    /// </summary>
    /// <remarks>
    /// Sample by sample, the sum of every frame is taken in 32 bits (no overflow below 65,536
    /// parties) and each party's own sample taken back out before clamping, so a party never
    /// hears itself, the clamp is the only distortion, and outputs[i] may be frames[i] itself
    /// (mixing in place). Each output is filled to its own length; a frame shorter than that
    /// counts as silence past its end.
    /// </remarks>
    public static void MixMinusOne(ReadOnlySpan<short[]> frames, Span<short[]> outputs)
    {
        if (frames.Length != outputs.Length)
        {
            throw new ArgumentException($"{frames.Length} frames but {outputs.Length} outputs.", nameof(outputs));
        }

        var samples = 0;
        foreach (var output in outputs)
        {
            samples = Math.Max(samples, output.Length);
        }

        for (var s = 0; s < samples; s++)
        {
            var sum = 0;
            foreach (var frame in frames)
            {
                sum += Sample(frame, s);
            }

            for (var party = 0; party < outputs.Length; party++)
            {
                var output = outputs[party];
                if (s < output.Length)
                {
                    output[s] = (short)Math.Clamp(sum - Sample(frames[party], s), short.MinValue, short.MaxValue);
                }
            }
        }
    }

    private static int Sample(short[]? frame, int index) =>
        frame is not null && index < frame.Length ? frame[index] : 0;
}
