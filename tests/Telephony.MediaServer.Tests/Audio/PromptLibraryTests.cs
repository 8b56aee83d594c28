using System.Reflection;
using Telephony.MediaServer.Audio;
using Telephony.TestSupport;

namespace Telephony.MediaServer.Tests.Audio;

public sealed class PromptLibraryTests
{
    private static readonly string PromptsFolder =
        Path.Combine(TestEnvironment.RepositoryRoot, "src", "MediaServer", "Telephony.MediaServer", "Audio", "Prompts");

    private static readonly string[] Languages = [AudioLanguage.French, AudioLanguage.English];

    // The tones generate.sh makes in every language folder besides the rows of prompts.tsv.
    private static readonly string[] Tones = [PromptNames.Beep, PromptNames.Hold];

    private static readonly PromptLibrary Library = new();

    public static TheoryData<string, string> SpokenPrompts()
    {
        var rows = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(PromptsFolder, "prompts.tsv")).Skip(1).Where(l => l.Length > 0))
        {
            var columns = line.Split('\t');
            rows.Add(columns[0], columns[1]);
        }

        return rows;
    }

    public static TheoryData<string> AllNames() => [.. NamesOfAllPrompts()];

    private static List<string> NamesOfAllPrompts() =>
        [.. SpokenPrompts().Select(row => (string)row[0]).Concat(Tones).Distinct().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Prompt_OfTheTextsFileOrATone_ExistsInBothLanguages(string name)
    {
        foreach (var language in Languages)
        {
            Assert.Contains(name, Library.Names(language));
        }
    }

    [Fact]
    public void PromptsTsv_HasEveryNameInEveryLanguageOnce()
    {
        var rows = SpokenPrompts().Select(row => ((string)row[0], (string)row[1])).ToList();

        Assert.Equal(rows.Count, rows.Distinct().Count());
        foreach (var name in rows.Select(r => r.Item1).Distinct())
        {
            Assert.Equal(Languages.Order(StringComparer.Ordinal), rows.Where(r => r.Item1 == name).Select(r => r.Item2).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void PromptFolders_HoldNothingButTheTextsFileAndTheTones()
    {
        var expected = NamesOfAllPrompts();
        foreach (var language in Languages)
        {
            var files = Directory.EnumerateFiles(Path.Combine(PromptsFolder, language)).Select(f => Path.GetFileName(f)!).ToList();
            Assert.All(files, f => Assert.EndsWith(".wav", f, StringComparison.Ordinal));
            Assert.Equal(expected, files.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
            Assert.Equal(expected, Library.Names(language));
        }
    }

    [Fact]
    public void PromptNames_EveryConstant_IsAPrompt()
    {
        var names = typeof(PromptNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(Enumerable.Range(0, 10).Select(PromptNames.Digit));
        foreach (var language in Languages)
        {
            Assert.All(names, name => Assert.Contains(name, Library.Names(language)));
        }
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void PromptFile_IsShortAudibleTelephonyWav(string name)
    {
        foreach (var language in Languages)
        {
            var audio = TelephonyAudio.Read(File.ReadAllBytes(Path.Combine(PromptsFolder, language, name + ".wav")));

            Assert.True(audio.Succeeded, $"{language}/{name}: {audio.Error?.Message}");
            Assert.InRange(audio.Duration, TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(30));
            Assert.True(AudioTestTools.Rms(audio.Samples) > 0.02, $"{language}/{name} is nearly silent");
        }
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void SpokenPrompt_PeaksWhereUploadsArePeakNormalised(string name)
    {
        if (Tones.Contains(name))
        {
            return;
        }

        foreach (var language in Languages)
        {
            var peak = AudioTestTools.Peak(Library.Get(name, language).Span) / (double)short.MaxValue;
            Assert.Equal(PeakNormalizer.TargetPeakDbfs, AudioTestTools.Dbfs(peak), precision: 0);
        }
    }

    [Fact]
    public void Get_EnglishPrompt_DiffersFromTheFrenchOne()
    {
        Assert.False(Library.Get(PromptNames.Welcome, "en").Span.SequenceEqual(Library.Get(PromptNames.Welcome, "fr").Span));
        Assert.True(Library.Get(PromptNames.Welcome, "en-US").Span.SequenceEqual(Library.Get(PromptNames.Welcome, "en").Span));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("")]
    [InlineData(null)]
    public void Get_OtherOrNoLanguage_FallsBackToFrench(string? language) =>
        Assert.True(Library.Get(PromptNames.Welcome, language).Span.SequenceEqual(Library.Get(PromptNames.Welcome, "fr").Span));

    [Fact]
    public void Get_UnknownName_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => Library.Get("no-such-prompt", "en"));

    [Fact]
    public void Compose_Parts_LastTheSumOfTheirLengthsInOrder()
    {
        var parts = new[] { PromptNames.YouHaveReached, "2", "0", "1", PromptNames.LeaveMessage };

        var composed = Library.Compose("en", parts);

        Assert.Equal(parts.Sum(p => Library.Get(p, "en").Length), composed.Length);
        var offset = 0;
        foreach (var part in parts)
        {
            var samples = Library.Get(part, "en");
            Assert.True(composed.AsSpan(offset, samples.Length).SequenceEqual(samples.Span), part);
            offset += samples.Length;
        }
    }

    [Fact]
    public void StandardGreeting_SaysYouHaveReachedTheDigitsAndLeaveAMessage()
    {
        var greeting = Library.StandardGreeting("+33 1 23", "fr");

        Assert.Equal(Library.Compose("fr", PromptNames.YouHaveReached, "3", "3", "1", "2", "3", PromptNames.LeaveMessage), greeting);
    }

    [Theory]
    [InlineData(0, 0, new[] { PromptNames.NoMessages })]
    [InlineData(1, 0, new[] { PromptNames.YouHave, "1", PromptNames.NewMessage })]
    [InlineData(12, 1, new[] { PromptNames.YouHave, "1", "2", PromptNames.NewMessages, PromptNames.And, "1", PromptNames.SavedMessage })]
    [InlineData(0, 3, new[] { PromptNames.YouHave, "3", PromptNames.SavedMessages })]
    public void MessageSummary_Counts_SayTheMatchingParts(int newMessages, int savedMessages, string[] parts) =>
        Assert.Equal(Library.Compose("en", parts), Library.MessageSummary(newMessages, savedMessages, "en"));
}
