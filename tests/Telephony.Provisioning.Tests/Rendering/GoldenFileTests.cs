using System.Text;
using Telephony.Provisioning.Rendering;

namespace Telephony.Provisioning.Tests.Rendering;

/// <summary>D-PROV: Alice's line renders, per family and per model template, to the file stored under Golden/&lt;family&gt;/&lt;model&gt;/.</summary>
public sealed class GoldenFileTests
{
    /// <summary>Each family's base template, then each model that has its own template (DECT bases, conference phones, ATAs).</summary>
    public static TheoryData<string, PhoneFileKind> Configurations => new()
    {
        { "T46U", PhoneFileKind.Configuration },
        { "W60B", PhoneFileKind.Configuration },
        { "CP965", PhoneFileKind.Configuration },
        { "VVX 450", PhoneFileKind.Master },
        { "VVX 450", PhoneFileKind.Configuration },
        { "Trio 8800", PhoneFileKind.Configuration },
        { "SoundStation IP 5000", PhoneFileKind.Configuration },
        { "IP Phone 8851 MPP", PhoneFileKind.Configuration },
        { "SPA504G", PhoneFileKind.Configuration },
        { "D735", PhoneFileKind.Configuration },
        { "M900", PhoneFileKind.Configuration },
        { "GXP2170", PhoneFileKind.Configuration },
        { "DP752", PhoneFileKind.Configuration },
        { "HT802", PhoneFileKind.Configuration },
        { "MP-202", PhoneFileKind.Configuration },
    };

    /// <summary>One model per family (the bootstrap file does not depend on the model's keys).</summary>
    public static TheoryData<string> OnePerFamily => new() { "T46U", "VVX 450", "IP Phone 8851 MPP", "D735", "GXP2170", "MP-202" };

    public static TheoryData<string> WithDirectory => new() { "T46U", "VVX 450", "IP Phone 8851 MPP", "D735", "GXP2170" };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Render_AliceOnModel_MatchesGoldenFile(string model, PhoneFileKind kind)
    {
        var configuration = PhoneSamples.Alice(model);

        var text = Render(configuration, kind, PhoneSamples.Directory);

        GoldenFiles.AssertMatches(GoldenPath(configuration, model, kind), text);
    }

    [Theory]
    [MemberData(nameof(OnePerFamily))]
    public void Render_Bootstrap_MatchesGoldenFileWithoutCredentials(string model)
    {
        var configuration = PhoneSamples.Bootstrap(model);

        var text = Render(configuration, PhoneFileKind.Configuration, PhoneSamples.NoDirectory);

        Assert.DoesNotContain(PhoneSamples.Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", text, StringComparison.Ordinal);
        Assert.Contains("prov.example.com/d/TOKEN", text, StringComparison.Ordinal);
        GoldenFiles.AssertMatches(GoldenPath(configuration, "bootstrap", PhoneFileKind.Configuration), text);
    }

    [Theory]
    [MemberData(nameof(WithDirectory))]
    public void Render_Directory_MatchesGoldenFile(string model)
    {
        var configuration = PhoneSamples.Alice(model);

        var text = Render(configuration, PhoneFileKind.Directory, PhoneSamples.Directory);

        GoldenFiles.AssertMatches(GoldenPath(configuration, "directory", PhoneFileKind.Directory), text);
    }

    private static string Render(PhoneConfiguration configuration, PhoneFileKind kind, PhoneDirectory directory)
    {
        var renderer = PhoneSamples.Renderers.For(PhoneSamples.Entry(configuration.Model.Model).Family);
        return Encoding.UTF8.GetString(renderer.Render(kind, configuration, directory).Content);
    }

    /// <summary>Golden/&lt;family&gt;/&lt;case&gt;/&lt;the file name the phone asks for&gt;.</summary>
    private static string GoldenPath(PhoneConfiguration configuration, string caseName, PhoneFileKind kind)
    {
        var family = PhoneSamples.Entry(configuration.Model.Model).Family;
        var fileName = PhoneSamples.Renderers.For(family).FileNameFor(kind, configuration.Mac);
        return Path.Combine(family.ToString(), PhoneTemplates.Slug(caseName), fileName);
    }
}
