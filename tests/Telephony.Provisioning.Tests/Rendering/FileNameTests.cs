using Telephony.Provisioning.Rendering;

namespace Telephony.Provisioning.Tests.Rendering;

/// <summary>The file names each family's firmware asks for, and the names none of them may match.</summary>
public sealed class FileNameTests
{
    public static TheoryData<PhoneFamily, string, string, PhoneFileKind> Accepted => new()
    {
        { PhoneFamily.Yealink, "001565a1b2c3.cfg", "001565a1b2c3", PhoneFileKind.Configuration },
        { PhoneFamily.Yealink, "001565A1B2C3.cfg", "001565a1b2c3", PhoneFileKind.Configuration },
        { PhoneFamily.Yealink, "001565a1b2c3-directory.xml", "001565a1b2c3", PhoneFileKind.Directory },
        { PhoneFamily.Polycom, "0004f2a1b2c3.cfg", "0004f2a1b2c3", PhoneFileKind.Master },
        { PhoneFamily.Polycom, "0004F2A1B2C3.cfg", "0004f2a1b2c3", PhoneFileKind.Master },
        { PhoneFamily.Polycom, "0004f2a1b2c3-phone.cfg", "0004f2a1b2c3", PhoneFileKind.Configuration },
        { PhoneFamily.Polycom, "0004f2a1b2c3-directory.xml", "0004f2a1b2c3", PhoneFileKind.Directory },
        { PhoneFamily.Cisco, "00562ba1b2c3.xml", "00562ba1b2c3", PhoneFileKind.Configuration },
        { PhoneFamily.Cisco, "00562BA1B2C3.xml", "00562ba1b2c3", PhoneFileKind.Configuration },
        { PhoneFamily.Cisco, "00562ba1b2c3-directory.xml", "00562ba1b2c3", PhoneFileKind.Directory },
        { PhoneFamily.Snom, "000413A1B2C3.xml", "000413a1b2c3", PhoneFileKind.Configuration },
        { PhoneFamily.Snom, "000413a1b2c3.xml", "000413a1b2c3", PhoneFileKind.Configuration },
        { PhoneFamily.Snom, "000413a1b2c3-directory.xml", "000413a1b2c3", PhoneFileKind.Directory },
        { PhoneFamily.Grandstream, "cfg000b82a1b2c3.xml", "000b82a1b2c3", PhoneFileKind.Configuration },
        { PhoneFamily.Grandstream, "cfg000B82A1B2C3.xml", "000b82a1b2c3", PhoneFileKind.Configuration },
        { PhoneFamily.Grandstream, "000b82a1b2c3-directory.xml", "000b82a1b2c3", PhoneFileKind.Directory },
        { PhoneFamily.AudioCodes, "00908fa1b2c3.cfg", "00908fa1b2c3", PhoneFileKind.Configuration },
        { PhoneFamily.AudioCodes, "00908FA1B2C3.cfg", "00908fa1b2c3", PhoneFileKind.Configuration },
    };

    public static TheoryData<PhoneFamily, string> Rejected()
    {
        string[] names =
        [
            "",
            "000000000000.cfg",
            "000000000000.xml",
            "000000000000-phone.cfg",
            "cfg000000000000.xml",
            "ffffffffffff.cfg",
            "y000000000000.cfg",
            "y000000000028.cfg",
            "cfg.xml",
            "001565a1b2c.cfg",
            "001565a1b2c3d.cfg",
            "00:15:65:a1:b2:c3.cfg",
            "001565-a1b2c3.cfg",
            "00156g a1b2c3.cfg",
            "../001565a1b2c3.cfg",
            "..%2F001565a1b2c3.cfg",
            "001565a1b2c3.cfg/..",
            "001565a1b2c3-local.cfg",
            "0004f2a1b2c3-app.log",
            "0004f2a1b2c3-web.cfg",
            "sip.ld",
            "snomD735.htm",
            "spa504G.cfg",
            "001565a1b2c3.cfg.bak",
            "001565a1b2c3.txt",
        ];
        var data = new TheoryData<PhoneFamily, string>();
        foreach (var family in Enum.GetValues<PhoneFamily>())
        {
            foreach (var name in names)
            {
                data.Add(family, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void TryParseFileName_NameTheFamilyAsksFor_ReturnsLowercaseMacAndKind(PhoneFamily family, string fileName, string mac, PhoneFileKind kind)
    {
        var parsed = PhoneSamples.Renderers.For(family).TryParseFileName(fileName, out var parsedMac, out var parsedKind);

        Assert.True(parsed);
        Assert.Equal(mac, parsedMac);
        Assert.Equal(kind, parsedKind);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void TryParseFileName_OtherName_IsRejected(PhoneFamily family, string fileName)
    {
        var parsed = PhoneSamples.Renderers.For(family).TryParseFileName(fileName, out var mac, out _);

        Assert.False(parsed);
        Assert.Equal(string.Empty, mac);
    }

    [Fact]
    public void FileNameFor_EveryKindOfEveryFamily_ParsesBack()
    {
        foreach (var renderer in PhoneSamples.Renderers.All)
        {
            foreach (var kind in Enum.GetValues<PhoneFileKind>().Where(kind => WellFormednessTests.Asks(renderer.Family, kind)))
            {
                var name = renderer.FileNameFor(kind, "001565a1b2c3");

                Assert.True(renderer.TryParseFileName(name, out var mac, out var parsedKind), $"{renderer.Family} {kind}: {name}");
                Assert.Equal(("001565a1b2c3", kind), (mac, parsedKind));
            }
        }
    }

    [Fact]
    public void FileNameFor_SnomConfiguration_HasTheUppercaseMacSnomAsksWith()
    {
        Assert.Equal("000413A1B2C3.xml", PhoneSamples.Renderers.For(PhoneFamily.Snom).FileNameFor(PhoneFileKind.Configuration, "000413a1b2c3"));
    }
}
