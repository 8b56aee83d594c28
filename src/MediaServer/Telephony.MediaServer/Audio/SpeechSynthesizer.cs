using Microsoft.Extensions.Options;

namespace Telephony.MediaServer.Audio;

/// <summary>
/// S-ANN text-to-speech: text in French or English spoken by espeak-ng, then converted by
/// ffmpeg to telephony audio with the same resampling and level as uploads (espeak-ng writes
/// 22,050 Hz, and its level differs from voice to voice).
/// </summary>
public sealed class SpeechSynthesizer(IOptions<AudioOptions> options, AudioConverter converter)
{
    public const int MaxTextLength = 1000;

    /// <summary>Words per minute: a little slower than espeak-ng's 175, which is hard to follow through a telephone's narrow band.</summary>
    public const int WordsPerMinute = 150;

    public async Task<AudioResult> SynthesizeAsync(string text, string language, CancellationToken cancellationToken)
    {
        var spoken = Clean(text);
        if (spoken.Length == 0)
        {
            return new AudioError(AudioErrorCodes.TextEmpty, "Type the text to speak.");
        }

        if (spoken.Length > MaxTextLength)
        {
            return new AudioError(AudioErrorCodes.TextTooLong, $"The text has {spoken.Length} characters; at most {MaxTextLength} can be spoken.");
        }

        if (Voice(language) is not { } voice)
        {
            return new AudioError(AudioErrorCodes.UnsupportedLanguage, $"Speech is available in French (fr) and English (en), not '{language}'.");
        }

        using var work = WorkFolder.Create(options.Value.TemporaryFolder);
        var speech = work.File("speech.wav");
        // The text goes through standard input: as an argument, one starting with "-" would be an option.
        string[] arguments = ["-v", voice, "-s", WordsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stdin", "-w", speech];
        var run = await converter.RunAsync(options.Value.EspeakPath, arguments, cancellationToken, spoken);
        if (converter.Failure("espeak-ng", run) is { } failed)
        {
            return failed;
        }

        return await converter.TranscodeAsync(speech, "wav", cancellationToken);
    }

    /// <summary>The espeak-ng voice for a language tag: British English unless American is asked for.</summary>
    internal static string? Voice(string? language) =>
        AudioLanguage.Normalize(language) switch
        {
            AudioLanguage.French => "fr",
            AudioLanguage.English when language!.Trim().Replace('_', '-').Equals("en-us", StringComparison.OrdinalIgnoreCase) => "en-us",
            AudioLanguage.English => "en-gb",
            _ => null,
        };

    /// <summary>The text with control characters (tabs, line breaks) turned into spaces and the ends trimmed.</summary>
    private static string Clean(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        }).Trim();
}
