using Telephony.Provisioning.Rendering;

namespace Telephony.Provisioning.Tests.Rendering;

/// <summary>Templates are embedded, parse, and a model falls back from its own template to its kind's, then to its family's base.</summary>
public sealed class PhoneTemplatesTests
{
    [Fact]
    public void Names_EveryFamily_HasItsConfigurationTemplate()
    {
        foreach (var family in Enum.GetValues<PhoneFamily>())
        {
            Assert.Contains(PhoneTemplates.Names, name => name.StartsWith($"{family}/", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(PhoneFamily.Yealink, "config", "T46U", PhoneKind.DeskPhone, "Yealink/config")]
    [InlineData(PhoneFamily.Yealink, "config", "W70B", PhoneKind.DectBase, "Yealink/config.dect")]
    [InlineData(PhoneFamily.Yealink, "config", "CP965", PhoneKind.ConferencePhone, "Yealink/config.conference")]
    [InlineData(PhoneFamily.Polycom, "phone", "SoundStation IP 5000", PhoneKind.ConferencePhone, "Polycom/phone.conference")]
    [InlineData(PhoneFamily.Polycom, "master", "Trio 8800", PhoneKind.ConferencePhone, "Polycom/master")]
    [InlineData(PhoneFamily.Snom, "config", "M900", PhoneKind.DectBase, "Snom/config.dect")]
    [InlineData(PhoneFamily.Grandstream, "config", "HT802", PhoneKind.Ata, "Grandstream/config.ata")]
    [InlineData(PhoneFamily.Grandstream, "config", "DP752", PhoneKind.DectBase, "Grandstream/config.dect")]
    [InlineData(PhoneFamily.AudioCodes, "config", "MP-202", PhoneKind.Ata, "AudioCodes/config")]
    public void Resolve_Model_UsesTheMostSpecificTemplate(PhoneFamily family, string name, string model, PhoneKind kind, string expected)
    {
        Assert.Equal(expected, PhoneTemplates.Resolve(family, name, new PhoneModelInfo(family.ToString(), model, kind)));
    }

    [Theory]
    [InlineData("SoundStation IP 5000", "soundstation-ip-5000")]
    [InlineData("IP Phone 8851 MPP", "ip-phone-8851-mpp")]
    [InlineData(" MP-202 ", "mp-202")]
    public void Slug_ModelName_IsLowercaseWithDashes(string model, string slug)
    {
        Assert.Equal(slug, PhoneTemplates.Slug(model));
    }

    [Fact]
    public void Escape_KeyValueValue_LosesLineBreaksAndControlCharacters()
    {
        Assert.Equal("a b=c", PhoneTemplates.Escape("a\r\n b\t=c\u0007\u2028", TemplateFormat.KeyValue));
    }

    [Fact]
    public void Escape_XmlValue_EncodesMarkupAndKeepsLetters()
    {
        Assert.Equal("Zoë &lt;&quot;&amp;&quot;&gt; O&apos;Brien 😀", PhoneTemplates.Escape("Zoë <\"&\">\n O'Brien 😀", TemplateFormat.Xml));
    }
}
