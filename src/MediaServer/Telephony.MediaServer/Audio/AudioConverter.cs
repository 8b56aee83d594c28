using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Telephony.MediaServer.Audio;

/// <summary>
/// S-ANN: turns an uploaded MP3 or WAV into telephony audio (<see cref="TelephonyAudio"/>) with
/// ffprobe and ffmpeg. The size is checked before any tool runs; ffprobe then says what the
/// file is and how long it lasts, and only the MP3 and WAV demuxers are allowed to read it;
/// ffmpeg decodes it to 8 kHz mono 16-bit, cut just past the limit so a file whose header
/// understates its length is still caught; the result is peak-normalised
/// (<see cref="PeakNormalizer"/>). Every tool runs on a copy in a private work folder removed
/// afterwards, under <see cref="AudioOptions.ConversionTimeout"/>.
/// </summary>
public sealed partial class AudioConverter(IOptions<AudioOptions> options, TimeProvider time, ILogger<AudioConverter> logger) : IUploadConverter
{
    public const long MaxUploadBytes = 3 * 1024 * 1024;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(2);

    // MP3 encoders pad the last frame and the portal measures frames, not samples: a file it
    // accepted as 2:00 may decode a few tens of milliseconds longer.
    private static readonly TimeSpan DurationTolerance = TimeSpan.FromSeconds(1);

    // ffmpeg's own threshold for "misdetection possible" (AVPROBE_SCORE_RETRY).
    private const int MinProbeScore = 25;

    private const string UploadFormats = "mp3,wav";

    /// <summary>Converts an upload held in memory (refused before any tool runs when over 3 MB).</summary>
    public async Task<AudioResult> ConvertAsync(ReadOnlyMemory<byte> upload, CancellationToken cancellationToken)
    {
        if (upload.Length > MaxUploadBytes)
        {
            return AudioError.TooLarge(upload.Length);
        }

        if (upload.IsEmpty)
        {
            return AudioError.NotAudio("the file is empty");
        }

        using var work = WorkFolder.Create(options.Value.TemporaryFolder);
        // No extension: ffprobe recognises the content, never the name.
        var input = work.File("upload");
        await File.WriteAllBytesAsync(input, upload, cancellationToken);
        return await ConvertUploadAsync(input, cancellationToken);
    }

    /// <summary>Converts an uploaded file saved by the caller (refused unread when over 3 MB).</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public async Task<AudioResult> ConvertFileAsync(string path, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxUploadBytes)
        {
            return AudioError.TooLarge(length);
        }

        return await ConvertAsync(await File.ReadAllBytesAsync(path, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Decodes a file this service produced or trusts (espeak-ng's WAV) to telephony audio,
    /// with the same resampling, cut and normalisation as uploads.
    /// </summary>
    internal async Task<AudioResult> TranscodeAsync(string input, string formats, CancellationToken cancellationToken)
    {
        var cap = MaxDuration + DurationTolerance;
        string[] arguments =
        [
            "-nostdin", "-hide_banner", "-loglevel", "error",
            "-protocol_whitelist", "file", "-format_whitelist", formats,
            "-i", input,
            "-map", "0:a:0", "-t", Seconds(cap),
            "-ac", "1", "-ar", TelephonyAudio.SampleRate.ToString(CultureInfo.InvariantCulture),
            "-c:a", "pcm_s16le", "-f", "s16le", "pipe:1",
        ];
        var run = await RunAsync(options.Value.FfmpegPath, arguments, cancellationToken);
        if (Failure("ffmpeg", run) is { } failed)
        {
            return failed;
        }

        var samples = TelephonyAudio.FromPcm(run.Output);
        if (samples.Length == 0)
        {
            return AudioError.NotAudio("it holds no sound");
        }

        if (samples.Length >= TelephonyAudio.SampleCount(cap))
        {
            return AudioError.TooLong();
        }

        PeakNormalizer.Normalize(samples);
        return AudioResult.Success(samples);
    }

    /// <summary>
    /// Telephony audio as MP3 (mono, 8 kHz, 32 kbit/s: a voicemail's e-mail attachment or
    /// download, V-EMAIL, V-WEB); null when ffmpeg failed or timed out (logged).
    /// </summary>
    public async Task<byte[]?> EncodeMp3Async(ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
    {
        using var work = WorkFolder.Create(options.Value.TemporaryFolder);
        var input = work.File("audio.wav");
        await File.WriteAllBytesAsync(input, TelephonyAudio.Write(samples.Span), cancellationToken);
        string[] arguments =
        [
            "-nostdin", "-hide_banner", "-loglevel", "error",
            "-protocol_whitelist", "file", "-format_whitelist", "wav",
            "-i", input,
            "-map_metadata", "-1", "-c:a", "libmp3lame", "-b:a", "32k", "-f", "mp3", "pipe:1",
        ];
        var run = await RunAsync(options.Value.FfmpegPath, arguments, cancellationToken);
        return Failure("ffmpeg", run) is null && run.Output.Length > 0 ? run.Output : null;
    }

    private async Task<AudioResult> ConvertUploadAsync(string input, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "-v", "error", "-protocol_whitelist", "file", "-format_whitelist", UploadFormats,
            "-show_entries", "format=format_name,duration,probe_score:stream=codec_type",
            "-of", "json", input,
        ];
        var probe = await RunAsync(options.Value.FfprobePath, arguments, cancellationToken);
        if (probe.TimedOut)
        {
            return TimedOut("ffprobe");
        }

        if (probe.ExitCode != 0)
        {
            // ffprobe's refusal is the expected answer to a file that is not audio.
            return AudioError.NotAudio("it is neither MP3 nor WAV");
        }

        if (ReadProbe(probe.Output) is { } refused)
        {
            return refused;
        }

        return await TranscodeAsync(input, UploadFormats, cancellationToken);
    }

    private static AudioError? ReadProbe(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var hasAudio = root.TryGetProperty("streams", out var streams)
            && streams.EnumerateArray().Any(s => s.TryGetProperty("codec_type", out var type) && type.GetString() == "audio");
        if (!root.TryGetProperty("format", out var format) || !hasAudio)
        {
            return AudioError.NotAudio("it has no sound track");
        }

        if (!format.TryGetProperty("probe_score", out var score) || score.GetInt32() < MinProbeScore)
        {
            return AudioError.NotAudio("it is neither MP3 nor WAV");
        }

        if (!format.TryGetProperty("duration", out var durationText)
            || !double.TryParse(durationText.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || seconds <= 0)
        {
            return AudioError.NotAudio("it is damaged or empty");
        }

        var duration = TimeSpan.FromSeconds(seconds);
        return duration > MaxDuration + DurationTolerance ? AudioError.TooLong(duration) : null;
    }

    /// <summary>Runs one of the configured tools under <see cref="AudioOptions.ConversionTimeout"/>.</summary>
    internal Task<ToolOutcome> RunAsync(
        string path, IEnumerable<string> arguments, CancellationToken cancellationToken, string? standardInput = null) =>
        ExternalTool.RunAsync(path, arguments, options.Value.ConversionTimeout, time, cancellationToken, standardInput);

    /// <summary>The error for a run that timed out or failed (logged: neither is the user's doing), or null.</summary>
    internal AudioError? Failure(string tool, ToolOutcome run)
    {
        if (run.TimedOut)
        {
            return TimedOut(tool);
        }

        if (run.ExitCode != 0)
        {
            LogToolFailed(logger, tool, run.ExitCode, Truncate(run.Errors));
            return AudioError.ConversionFailed(tool);
        }

        return null;
    }

    private AudioError TimedOut(string tool)
    {
        LogToolTimedOut(logger, tool, options.Value.ConversionTimeout);
        return AudioError.Timeout(tool);
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Truncate(string errors) => errors.Length <= 500 ? errors.Trim() : errors[..500].Trim() + "...";

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "{Tool} ran longer than {Timeout} and was killed")]
    private static partial void LogToolTimedOut(ILogger logger, string tool, TimeSpan timeout);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "{Tool} exited with code {ExitCode}: {Errors}")]
    private static partial void LogToolFailed(ILogger logger, string tool, int exitCode, string errors);
}
