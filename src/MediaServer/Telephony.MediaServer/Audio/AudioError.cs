namespace Telephony.MediaServer.Audio;

/// <summary>The stable codes of <see cref="AudioError"/>, for callers that map them to a field or a status.</summary>
public static class AudioErrorCodes
{
    /// <summary>S-ANN: an upload is at most 3 MB.</summary>
    public const string TooLarge = "too-large";

    /// <summary>S-ANN, V-BOX: an announcement or a greeting lasts at most 2 minutes.</summary>
    public const string TooLong = "too-long";

    /// <summary>Not an MP3 or WAV file the platform decodes (text, an image, damaged or empty audio).</summary>
    public const string NotAudio = "not-audio";

    /// <summary>A WAV file that is not the telephony format (8 kHz, mono, 16-bit PCM) or is malformed.</summary>
    public const string NotTelephonyWav = "not-telephony-wav";

    /// <summary>ffmpeg or espeak-ng ran longer than <see cref="AudioOptions.ConversionTimeout"/> and was stopped.</summary>
    public const string Timeout = "timeout";

    /// <summary>ffmpeg or espeak-ng failed on input they had accepted (logged with their error output).</summary>
    public const string ConversionFailed = "conversion-failed";

    public const string TextEmpty = "text-empty";

    public const string TextTooLong = "text-too-long";

    public const string UnsupportedLanguage = "unsupported-language";
}

/// <summary>Why audio could not be produced: a stable <see cref="Code"/> and a message a manager understands.</summary>
public sealed record AudioError(string Code, string Message)
{
    internal static AudioError TooLarge(long bytes) =>
        new(AudioErrorCodes.TooLarge, $"The file is {bytes / (1024.0 * 1024.0):0.#} MB; an announcement is at most 3 MB.");

    internal static AudioError TooLong(TimeSpan duration) =>
        new(AudioErrorCodes.TooLong,
            $"The recording lasts {(int)duration.TotalMinutes} min {duration.Seconds:00} s; an announcement is at most 2 minutes.");

    internal static AudioError TooLong() =>
        new(AudioErrorCodes.TooLong, "The recording lasts more than 2 minutes; an announcement is at most 2 minutes.");

    internal static AudioError NotAudio(string reason) =>
        new(AudioErrorCodes.NotAudio, $"This file is not audio the platform reads ({reason}): upload an MP3 or a WAV file.");

    internal static AudioError NotTelephonyWav(string reason) =>
        new(AudioErrorCodes.NotTelephonyWav, $"This is not an 8 kHz mono 16-bit PCM WAV file: {reason}.");

    internal static AudioError Timeout(string tool) =>
        new(AudioErrorCodes.Timeout, $"Converting the audio took too long ({tool} was stopped); try a shorter file.");

    internal static AudioError ConversionFailed(string tool) =>
        new(AudioErrorCodes.ConversionFailed, $"The audio could not be converted ({tool} failed); try another file.");
}

/// <summary>
/// Telephony audio (8 kHz mono 16-bit samples, see <see cref="TelephonyAudio"/>) or the
/// <see cref="AudioError"/> saying why there is none: bad input never throws.
/// </summary>
public readonly record struct AudioResult
{
    private AudioResult(short[]? samples, AudioError? error)
    {
        Samples = samples;
        Error = error;
    }

    public short[]? Samples { get; }

    public AudioError? Error { get; }

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Samples))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public TimeSpan Duration => Samples is null ? TimeSpan.Zero : TelephonyAudio.Duration(Samples.Length);

    public static AudioResult Success(short[] samples) => new(samples, null);

    public static AudioResult Failure(AudioError error) => new(null, error);

    public static implicit operator AudioResult(AudioError error) => Failure(error);
}
