using Telephony.Portal.Domain.Lines.Services;

namespace Telephony.Portal.Tests.Domain.Services;

public sealed class DestinationTests
{
    [Theory]
    [InlineData("01 84 80 00 00", "+33184800000", DestinationKind.NationalFixed)]
    [InlineData("0988776655", "+33988776655", DestinationKind.NationalFixed)]
    [InlineData("06.12.34.56.78", "+33612345678", DestinationKind.NationalMobile)]
    [InlineData("+33 7 12 34 56 78", "+33712345678", DestinationKind.NationalMobile)]
    [InlineData("0033612345678", "+33612345678", DestinationKind.NationalMobile)]
    [InlineData("+32 2 123 45 67", "+3221234567", DestinationKind.Europe)]
    [InlineData("0049301234567", "+49301234567", DestinationKind.Europe)]
    [InlineData("+352 26 12 34 5", "+3522612345", DestinationKind.Europe)]
    [InlineData("+41221234567", "+41221234567", DestinationKind.Europe)]
    [InlineData("+48221234567", "+48221234567", DestinationKind.Europe)]
    [InlineData("+31201234567", "+31201234567", DestinationKind.Europe)]
    [InlineData("2001", "2001", DestinationKind.Internal)]
    [InlineData("123456789", "123456789", DestinationKind.Internal)]
    public void Parse_AllowedDestination_IsNormalised(string input, string expected, DestinationKind kind)
    {
        var destination = Destination.Parse(input, "Number");

        Assert.True(destination.Succeeded, destination.Error?.Message);
        Assert.Equal((expected, kind), (destination.Value!.Number, destination.Value.Kind));
    }

    [Theory]
    [InlineData("0899123456", "destination.special-08")]
    [InlineData("+33899123456", "destination.special-08")]
    [InlineData("0800123456", "destination.special-08")]
    [InlineData("112", "destination.emergency")]
    [InlineData("15", "destination.emergency")]
    [InlineData("17", "destination.emergency")]
    [InlineData("18", "destination.emergency")]
    [InlineData("114", "destination.emergency")]
    [InlineData("196", "destination.emergency")]
    [InlineData("1015", "destination.special")]
    [InlineData("3949", "destination.special")]
    [InlineData("118712", "destination.special")]
    [InlineData("116000", "destination.special")]
    [InlineData("+14155550100", "destination.country")]
    [InlineData("+447700900123", "destination.country")]
    [InlineData("0044 7700 900123", "destination.country")]
    [InlineData("123", "destination.format")]
    [InlineData("1234567890", "destination.format")]
    [InlineData("012345678", "destination.format")]
    [InlineData("0012", "destination.format")]
    [InlineData("06-12-ab-56-78", "destination.format")]
    [InlineData("", "destination.required")]
    public void Parse_ForbiddenOrMalformed_IsRefusedNamingTheRule(string input, string code)
    {
        var destination = Destination.Parse(input, "Number");

        Assert.False(destination.Succeeded);
        Assert.Equal((code, "Number"), (destination.Error!.Code, destination.Error.Field));
    }

    [Fact]
    public void ParseInternational_NationalForm_IsRefused()
    {
        Assert.Equal("destination.international-format", Destination.ParseInternational("0612345678", "Numbers").Error!.Code);
        Assert.False(Destination.ParseInternational("+2001", "Numbers").Succeeded);
        Assert.Equal("+33612345678", Destination.ParseInternational("+33 6 12 34 56 78", "Numbers").Value!.Number);
    }
}
