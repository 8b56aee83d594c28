using Telephony.Provisioning.Rendering;

namespace Telephony.Provisioning.Tests.Rendering;

public sealed class PhoneFamiliesTests
{
    public static TheoryData<string, string, PhoneFamily> CatalogueModels()
    {
        var data = new TheoryData<string, string, PhoneFamily>();
        foreach (var entry in PhoneSamples.Catalogue)
        {
            data.Add(entry.Vendor, entry.Model, entry.Family);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CatalogueModels))]
    public void Resolve_CatalogueModel_ReturnsItsFamily(string vendor, string model, PhoneFamily family)
    {
        Assert.Equal(family, PhoneFamilies.Resolve(vendor, model));
    }

    [Theory]
    [InlineData("Poly", "VVX 450")]
    [InlineData("Polycom", "VVX 450")]
    [InlineData("POLYCOM", "SoundStation IP 5000")]
    [InlineData(" poly ", "Trio 8800")]
    public void Resolve_PolyOrPolycomInAnyCase_ReturnsPolycom(string vendor, string model)
    {
        Assert.Equal(PhoneFamily.Polycom, PhoneFamilies.Resolve(vendor, model));
    }

    [Theory]
    [InlineData("Gigaset", "N870")]
    [InlineData("AudioCodes", "C450HD")]
    [InlineData("", "")]
    public void Resolve_VendorOrModelWeDoNotProvision_ReturnsNull(string vendor, string model)
    {
        Assert.Null(PhoneFamilies.Resolve(vendor, model));
    }

    [Fact]
    public void For_EveryFamily_ReturnsItsRenderer()
    {
        foreach (var family in Enum.GetValues<PhoneFamily>())
        {
            Assert.Equal(family, PhoneSamples.Renderers.For(family).Family);
        }
    }
}
