namespace Telephony.MediaServer.Audio;

/// <summary>
/// Brings every recording to the same peak level, −3 dBFS, so a quiet upload is not lost next
/// to the predefined prompts and a loud one does not clip once companded to G.711 (the 3 dB
/// leave room for mixing, a tone over a prompt, and the codec's rounding). Speech peaking
/// there averages −20 to −25 dBFS (measured on the prompts), a comfortable handset level. A
/// peak gain is exact on clips of any length, which loudness filters are not: ffmpeg's
/// <c>loudnorm</c> works on 3-second windows and left a spoken half-second digit near −40 dBFS
/// on average where longer prompts came out at −20. Prompts/generate.sh applies the same rule
/// with ffmpeg's <c>volumedetect</c> and <c>volume</c> filters.
/// </summary>
internal static class PeakNormalizer
{
    public const double TargetPeakDbfs = -3;

    /// <summary>At most +24 dB: a recording quieter than that is noise, which must not become a roar.</summary>
    public const double MaxGainDb = 24;

    public static void Normalize(Span<short> samples)
    {
        var peak = 0;
        foreach (var sample in samples)
        {
            peak = Math.Max(peak, Math.Abs((int)sample));
        }

        if (peak == 0)
        {
            return;
        }

        var target = short.MaxValue * Math.Pow(10, TargetPeakDbfs / 20);
        var gain = Math.Min(target / peak, Math.Pow(10, MaxGainDb / 20));
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Clamp(Math.Round(samples[i] * gain), short.MinValue, short.MaxValue);
        }
    }
}
