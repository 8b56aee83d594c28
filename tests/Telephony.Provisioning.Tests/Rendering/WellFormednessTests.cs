using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Telephony.Provisioning.Rendering;

namespace Telephony.Provisioning.Tests.Rendering;

/// <summary>Every file of every catalogue model parses in its format, whatever the names hold.</summary>
public sealed partial class WellFormednessTests
{
    private const string NastyName = "Zoë <\"&\"> \r\n O'Brien";

    /// <summary>The name once the renderer has taken out the line break, as the phone shows it.</summary>
    private const string ShownName = "Zoë <\"&\">  O'Brien";

    public static TheoryData<string, PhoneFileKind> AllFiles()
    {
        var data = new TheoryData<string, PhoneFileKind>();
        foreach (var entry in PhoneSamples.Catalogue)
        {
            foreach (var kind in Enum.GetValues<PhoneFileKind>())
            {
                if (Asks(entry.Family, kind))
                {
                    data.Add(entry.Model, kind);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Render_EveryModelAndKind_ParsesInItsFormat(string model, PhoneFileKind kind)
    {
        var file = Render(PhoneSamples.Alice(model), kind, PhoneSamples.Directory);

        AssertParses(file);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Render_NamesWithMarkupAndLineBreaks_AreEscapedAndStripped(string model, PhoneFileKind kind)
    {
        var configuration = Nasty(PhoneSamples.Alice(model));
        var directory = new PhoneDirectory([new PhoneDirectoryEntry(NastyName, "205", Internal: true)]);

        var file = Render(configuration, kind, directory);

        var values = AssertParses(file);
        if (kind != PhoneFileKind.Master)
        {
            Assert.Contains(values, value => value.Contains(ShownName, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(values, value => value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public void Render_AudioCodesDirectory_IsNotSupported()
    {
        var renderer = PhoneSamples.Renderers.For(PhoneFamily.AudioCodes);

        Assert.Throws<NotSupportedException>(() => renderer.Render(PhoneFileKind.Directory, PhoneSamples.Alice("MP-202"), PhoneSamples.Directory));
        Assert.Throws<NotSupportedException>(() => renderer.FileNameFor(PhoneFileKind.Directory, "00908fa1b2c3"));
    }

    [Fact]
    public void Render_MasterFileOutsidePolycom_IsNotSupported()
    {
        var renderer = PhoneSamples.Renderers.For(PhoneFamily.Yealink);

        Assert.Throws<NotSupportedException>(() => renderer.Render(PhoneFileKind.Master, PhoneSamples.Alice("T46U"), PhoneSamples.Directory));
    }

    internal static bool Asks(PhoneFamily family, PhoneFileKind kind) => kind switch
    {
        PhoneFileKind.Master => family == PhoneFamily.Polycom,
        PhoneFileKind.Directory => family != PhoneFamily.AudioCodes,
        _ => true,
    };

    private static RenderedFile Render(PhoneConfiguration configuration, PhoneFileKind kind, PhoneDirectory directory) =>
        PhoneSamples.Renderers.For(PhoneSamples.Entry(configuration.Model.Model).Family).Render(kind, configuration, directory);

    private static PhoneConfiguration Nasty(PhoneConfiguration configuration) => configuration with
    {
        Account = configuration.Account! with { DisplayName = NastyName, Label = NastyName },
        Keys = [.. configuration.Keys.Select(key => key with { Label = NastyName })],
    };

    /// <summary>The file's values (XML texts and attributes, or the values of its key=value lines), once it parsed.</summary>
    private static List<string> AssertParses(RenderedFile file)
    {
        var text = Encoding.UTF8.GetString(file.Content);
        Assert.False(text.StartsWith('\uFEFF'), "no byte order mark");
        if (file.ContentType.Contains("xml", StringComparison.Ordinal))
        {
            var document = XDocument.Parse(text);
            return [.. document.Descendants().SelectMany(element => element.Attributes().Select(attribute => attribute.Value)
                .Concat(element.Nodes().OfType<XText>().Select(node => node.Value)))];
        }

        var values = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = KeyValueLine().Match(line);
            Assert.True(match.Success, $"line {i + 1} is not key = value: {line}");
            values.Add(match.Groups["value"].Value);
        }

        return values;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-/]+ ?= ?(?<value>[^\r]*)$")]
    private static partial Regex KeyValueLine();
}
