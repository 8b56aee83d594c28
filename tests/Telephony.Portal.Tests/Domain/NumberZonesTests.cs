using System.Globalization;
using Telephony.Portal.Domain.Numbering;

namespace Telephony.Portal.Tests.Domain;

public sealed class NumberZonesTests
{
    [Theory]
    [InlineData("75002", NumberZone.IleDeFrance)]
    [InlineData("92100", NumberZone.IleDeFrance)]
    [InlineData("35000", NumberZone.NorthWest)]
    [InlineData("44000", NumberZone.NorthWest)]
    [InlineData("59000", NumberZone.NorthEast)]
    [InlineData("67000", NumberZone.NorthEast)]
    [InlineData("69001", NumberZone.SouthEast)]
    [InlineData("20000", NumberZone.SouthEast)]
    [InlineData("13001", NumberZone.SouthEast)]
    [InlineData("33000", NumberZone.SouthWest)]
    [InlineData("31000", NumberZone.SouthWest)]
    [InlineData("97400", NumberZone.NorthWest)]
    [InlineData("97200", NumberZone.SouthWest)]
    public void FromPostcode_KnownDepartment_ReturnsItsZone(string postcode, NumberZone expected)
    {
        var zone = NumberZones.FromPostcode(postcode);

        Assert.True(zone.Succeeded);
        Assert.Equal(expected, zone.Value);
    }

    [Fact]
    public void FromPostcode_EveryMetropolitanDepartment_HasAGeographicZone()
    {
        for (var department = 1; department <= 95; department++)
        {
            var postcode = department.ToString("D2", CultureInfo.InvariantCulture) + "100";

            var zone = NumberZones.FromPostcode(postcode);

            Assert.True(zone.Succeeded, $"department {department:D2} has no zone");
            Assert.InRange((int)zone.Value, 1, 5);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("7500")]
    [InlineData("750021")]
    [InlineData("7500A")]
    [InlineData("00100")]
    [InlineData("96100")]
    [InlineData("98800")]
    public void FromPostcode_NotAServedFrenchPostcode_IsAPostcodeValidationError(string? postcode)
    {
        var zone = NumberZones.FromPostcode(postcode);

        Assert.False(zone.Succeeded);
        Assert.Equal("Postcode", zone.Error!.Field);
    }
}
