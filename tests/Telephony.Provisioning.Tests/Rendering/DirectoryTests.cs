using System.Text;
using System.Xml.Linq;
using Telephony.Provisioning.Rendering;

namespace Telephony.Provisioning.Tests.Rendering;

/// <summary>D-DIRECTORY: the company directory (lines, then external contacts) in each family's phonebook format.</summary>
public sealed class DirectoryTests
{
    public static TheoryData<string> WithDirectory => new() { "T46U", "W60B", "VVX 450", "Trio 8800", "SPA504G", "D735", "M900", "GXP2170", "DP752" };

    [Theory]
    [MemberData(nameof(WithDirectory))]
    public void Render_Directory_HoldsEveryEntryInOrder(string model)
    {
        var entry = PhoneSamples.Entry(model);

        var file = PhoneSamples.Renderers.For(entry.Family).Render(PhoneFileKind.Directory, PhoneSamples.Alice(model), PhoneSamples.Directory);

        var texts = XDocument.Parse(Encoding.UTF8.GetString(file.Content)).Descendants()
            .Where(element => !element.HasElements)
            .Select(element => element.Value)
            .ToList();
        foreach (var expected in PhoneSamples.Directory.Entries)
        {
            Assert.Contains(expected.Name, texts);
            Assert.Contains(expected.Number, texts);
        }

        var names = PhoneSamples.Directory.Entries.Select(expected => texts.IndexOf(expected.Name)).ToList();
        Assert.Equal(names.Order(), names);
    }

    [Fact]
    public void Render_EmptyDirectory_IsAnEmptyPhonebook()
    {
        foreach (var model in new[] { "T46U", "VVX 450", "SPA504G", "D735", "GXP2170" })
        {
            var entry = PhoneSamples.Entry(model);

            var file = PhoneSamples.Renderers.For(entry.Family).Render(PhoneFileKind.Directory, PhoneSamples.Alice(model), PhoneSamples.NoDirectory);

            var document = XDocument.Parse(Encoding.UTF8.GetString(file.Content));
            Assert.DoesNotContain(document.Descendants(), element => element.Value == "201");
        }
    }
}
