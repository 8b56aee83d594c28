using System.Buffers.Binary;
using System.Diagnostics;

namespace Telephony.EndToEnd.Tests;

/// <summary>16-bit PCM WAV reading and the two measures the audio tests compare: active duration and RMS.</summary>
internal sealed record Wav(int SampleRate, float[] Samples)
{
    public static Wav Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int sampleRate = 0, channels = 1, bits = 16, offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4));
            var body = offset + 8;
            if (id == "fmt ")
            {
                channels = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + 2));
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(body + 4));
                bits = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + 14));
            }
            else if (id == "data")
            {
                if (bits != 16)
                {
                    throw new NotSupportedException($"{path}: {bits}-bit WAV");
                }

                var length = Math.Min(size, bytes.Length - body) / 2 / channels;
                var samples = new float[length];
                for (var i = 0; i < length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + (i * channels * 2))) / 32768f;
                }

                return new Wav(sampleRate, samples);
            }

            offset = body + size + (size % 2);
        }

        throw new InvalidDataException($"{path} has no data chunk");
    }

    /// <summary>A tone then silence (after an optional silence), as sox makes it: S16LE mono 8 kHz.</summary>
    public static string Tone(string path, double seconds, double silenceAfter, int frequency = 440, double silenceBefore = 0)
    {
        var info = new ProcessStartInfo("sox", ["-n", "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", path,
            "synth", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "sine", frequency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "vol", "0.3", "pad", silenceBefore.ToString(System.Globalization.CultureInfo.InvariantCulture), silenceAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var sox = Process.Start(info)!;
        sox.WaitForExit();
        return sox.ExitCode == 0 ? path : throw new InvalidOperationException("sox failed");
    }

    /// <summary>Seconds during which 20 ms frames carry sound (RMS above the threshold).</summary>
    public double ActiveSeconds(float threshold = 0.02f) => Frames().Count(rms => rms > threshold) * 0.02;

    /// <summary>RMS of the frames that carry sound.</summary>
    public double ActiveRms(float threshold = 0.02f)
    {
        var active = Frames().Where(rms => rms > threshold).ToList();
        return active.Count == 0 ? 0 : Math.Sqrt(active.Average(rms => rms * rms));
    }

    /// <summary>
    /// Mean power of the <paramref name="frequency"/> component over the whole recording, by a
    /// Goertzel filter on 20 ms blocks (a 50 Hz bin: tones 100 Hz apart never leak into each other).
    /// </summary>
    public double Power(int frequency)
    {
        var block = SampleRate / 50;
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / SampleRate);
        double total = 0;
        var blocks = 0;
        for (var start = 0; start + block <= Samples.Length; start += block)
        {
            double previous = 0, beforePrevious = 0;
            for (var i = start; i < start + block; i++)
            {
                var current = Samples[i] + (coefficient * previous) - beforePrevious;
                beforePrevious = previous;
                previous = current;
            }

            total += (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
            blocks++;
        }

        return blocks == 0 ? 0 : total / blocks;
    }

    private IEnumerable<float> Frames()
    {
        var frame = SampleRate / 50;
        for (var start = 0; start + frame <= Samples.Length; start += frame)
        {
            var sum = 0.0;
            for (var i = start; i < start + frame; i++)
            {
                sum += Samples[i] * Samples[i];
            }

            yield return (float)Math.Sqrt(sum / frame);
        }
    }
}
