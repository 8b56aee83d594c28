using System.Diagnostics;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telephony.MediaServer.Audio;

namespace Telephony.MediaServer.Tests.Audio;

/// <summary>A folder of the test's own, removed at the end, with a "tmp" folder for the conversions' work files.</summary>
internal sealed class TestFolder : IDisposable
{
    public TestFolder() => Directory.CreateDirectory(Temporary);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "audio-tests-" + Guid.NewGuid().ToString("N"));

    public string Temporary => File("tmp");

    /// <summary>Default options, with work files in <see cref="Temporary"/>.</summary>
    public AudioOptions Options() => new() { TemporaryFolder = Temporary };

    public void AssertNoTemporaryFiles() => Assert.Empty(Directory.EnumerateFileSystemEntries(Temporary));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Real ffmpeg for test inputs, and the services under test built as the host builds them.</summary>
internal static class AudioTestTools
{
    public static AudioConverter Converter(AudioOptions options) =>
        new(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, NullLogger<AudioConverter>.Instance);

    public static SpeechSynthesizer Synthesizer(AudioOptions options) =>
        new(Microsoft.Extensions.Options.Options.Create(options), Converter(options));

    public static AudioStore Store(string dataFolder) =>
        new(Microsoft.Extensions.Options.Options.Create(new AudioOptions { DataFolder = dataFolder }), new HostingEnvironment { ContentRootPath = dataFolder });

    /// <summary>Runs ffmpeg to write <paramref name="output"/> from a lavfi source, and returns its bytes.</summary>
    public static async Task<byte[]> FfmpegAsync(string source, string output, params string[] encoding)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var argument in (string[])["-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", source, .. encoding, output])
        {
            start.ArgumentList.Add(argument);
        }

        using var ffmpeg = Process.Start(start)!;
        var errors = await ffmpeg.StandardError.ReadToEndAsync();
        await ffmpeg.WaitForExitAsync();
        Assert.True(ffmpeg.ExitCode == 0, "ffmpeg failed: " + errors);
        return await File.ReadAllBytesAsync(output);
    }

    /// <summary>An MP3 of a 440 Hz sine at the given level (1 = full scale).</summary>
    public static Task<byte[]> Mp3Async(TestFolder folder, TimeSpan duration, double amplitude = 0.5, string bitrate = "64k") =>
        FfmpegAsync(
            $"aevalsrc={amplitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}*sin(2*PI*440*t):s=44100:d={duration.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            folder.File(Guid.NewGuid().ToString("N") + ".mp3"),
            "-ac", "1", "-c:a", "libmp3lame", "-b:a", bitrate);

    /// <summary>Root mean square of the samples, as a fraction of full scale.</summary>
    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var sample in samples)
        {
            sum += (double)sample * sample;
        }

        return Math.Sqrt(sum / samples.Length) / short.MaxValue;
    }

    public static int Peak(ReadOnlySpan<short> samples)
    {
        var peak = 0;
        foreach (var sample in samples)
        {
            peak = Math.Max(peak, Math.Abs((int)sample));
        }

        return peak;
    }

    public static double Dbfs(double fraction) => 20 * Math.Log10(fraction);
}
