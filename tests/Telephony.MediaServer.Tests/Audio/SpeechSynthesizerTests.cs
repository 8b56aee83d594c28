using Telephony.MediaServer.Audio;

namespace Telephony.MediaServer.Tests.Audio;

/// <summary>S-ANN text-to-speech through the real espeak-ng and ffmpeg.</summary>
public sealed class SpeechSynthesizerTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly SpeechSynthesizer _synthesizer;

    public SpeechSynthesizerTests() => _synthesizer = AudioTestTools.Synthesizer(_folder.Options());

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("fr", "Bonjour, vous êtes bien chez Dupont et fils. Nous sommes ouverts du lundi au vendredi.")]
    [InlineData("en", "Hello, you have reached Smith and Sons. We are open from Monday to Friday.")]
    public async Task SynthesizeAsync_Sentence_SpeaksAudiblyForAPlausibleDuration(string language, string text)
    {
        var result = await _synthesizer.SynthesizeAsync(text, language, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        // About fifteen words at 150 words per minute, with pauses.
        Assert.InRange(result.Duration.TotalSeconds, 3, 12);
        Assert.True(AudioTestTools.Rms(result.Samples) > 0.03, $"RMS {AudioTestTools.Rms(result.Samples):0.000}");
        _folder.AssertNoTemporaryFiles();
    }

    [Fact]
    public async Task SynthesizeAsync_TextStartingWithADash_IsSpokenNotTakenAsAnOption()
    {
        var result = await _synthesizer.SynthesizeAsync("--version -v de", "en", CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(result.Duration > TimeSpan.FromSeconds(0.5));
    }

    [Fact]
    public async Task SynthesizeAsync_TextOverTheLimit_RefusedWithoutRunningAnyTool()
    {
        var options = _folder.Options();
        options.EspeakPath = options.FfmpegPath = _folder.File("no-such-tool");

        var result = await AudioTestTools.Synthesizer(options).SynthesizeAsync(new string('a', 1001), "fr", CancellationToken.None);

        Assert.Equal(AudioErrorCodes.TextTooLong, result.Error?.Code);
        Assert.Equal("The text has 1001 characters; at most 1000 can be spoken.", result.Error?.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t\r\n ")]
    public async Task SynthesizeAsync_NoText_Refused(string text)
    {
        var result = await _synthesizer.SynthesizeAsync(text, "fr", CancellationToken.None);

        Assert.Equal(AudioErrorCodes.TextEmpty, result.Error?.Code);
    }

    [Fact]
    public async Task SynthesizeAsync_OtherLanguage_Refused()
    {
        var result = await _synthesizer.SynthesizeAsync("Guten Tag", "de", CancellationToken.None);

        Assert.Equal(AudioErrorCodes.UnsupportedLanguage, result.Error?.Code);
    }

    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("FR-fr", "fr")]
    [InlineData("en", "en-gb")]
    [InlineData("en-GB", "en-gb")]
    [InlineData("en-US", "en-us")]
    [InlineData("en_us", "en-us")]
    [InlineData("de", null)]
    [InlineData("", null)]
    public void Voice_LanguageTag_ChoosesTheEspeakVoice(string language, string? voice) =>
        Assert.Equal(voice, SpeechSynthesizer.Voice(language));
}
