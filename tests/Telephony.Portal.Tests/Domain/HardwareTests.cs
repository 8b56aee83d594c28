using Telephony.Portal.Domain.Devices;
using Telephony.Portal.Domain.Lines;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Domain;

public sealed class HardwareTests
{
    [Theory]
    [InlineData("00:15:65:AB:CD:EF")]
    [InlineData("00-15-65-ab-cd-ef")]
    [InlineData("0015.65ab.cdef")]
    [InlineData(" 001565ABCDEF ")]
    public void Normalise_CommonWritings_GiveTwelveLowerCaseHexDigits(string input)
    {
        Assert.Equal("001565abcdef", MacAddress.Normalise(input).Value);
        Assert.Equal("00:15:65:AB:CD:EF", MacAddress.Display("001565abcdef"));
    }

    [Theory]
    [InlineData("00:15:65:AB:CD", "mac.format")]
    [InlineData("00:15:65:AB:CD:EF:01", "mac.format")]
    [InlineData("00:15:65:AB:CD:EG", "mac.format")]
    [InlineData("", "mac.format")]
    [InlineData("00:00:00:00:00:00", "mac.not-a-device")]
    [InlineData("FF:FF:FF:FF:FF:FF", "mac.not-a-device")]
    [InlineData("01:00:5E:00:00:FB", "mac.not-a-device")]
    public void Normalise_UnknownFormatOrNotADevice_IsRefused(string input, string code)
    {
        var result = MacAddress.Normalise(input);

        Assert.Equal((code, "Mac"), (result.Error!.Code, result.Error.Field));
    }

    [Fact]
    public void PhoneModel_OutOfRangeValues_AreEachReported()
    {
        var error = PhoneModel.Create("", "", (PhoneKind)42, -1, 1).Error!;

        Assert.Equal(["Vendor", "Model", "Kind", "ProgrammableKeys", "SimultaneousCalls"], error.Fields.Select(f => f.Field));
    }

    [Fact]
    public void ChangeHardware_FixedLineTakesPhones_AnalogLineTakesAtas()
    {
        var desk = PhoneModel.Create("Yealink", "T54W", PhoneKind.DeskPhone, 27, 16).Value!;
        var ata = PhoneModel.Create("Grandstream", "HT802", PhoneKind.Ata, 0, 2).Value!;
        var fixedLine = Line.Create(Guid.NewGuid(), Guid.NewGuid(), LineKind.Fixed, "+33199000000", Person("Alice", "Martin"), Now).Value!;
        var analog = Line.Create(Guid.NewGuid(), Guid.NewGuid(), LineKind.Analog, "+33199000001", new LineIdentity(Name: "Fax"), Now).Value!;

        Assert.Equal("hardware.model-kind", fixedLine.ChangeHardware(ata, null)!.Code);
        Assert.Equal("hardware.model-kind", analog.ChangeHardware(desk, null)!.Code);
        Assert.Null(fixedLine.ChangeHardware(desk, "00:15:65:AB:CD:EF"));
        Assert.Equal((desk.Id, "001565abcdef"), (fixedLine.PhoneModelId, fixedLine.Mac));
        Assert.Null(analog.ChangeHardware(ata, null));
        Assert.Null(analog.Mac);

        fixedLine.RemoveHardware();
        Assert.Equal((null, null), (fixedLine.PhoneModelId, fixedLine.Mac));
    }
}
