using Telephony.Provisioning.Rendering;

namespace Telephony.Provisioning.Tests.Rendering;

public sealed class PhoneTimeZoneTests
{
    [Fact]
    public void For_Paris_GivesEachVendorsNameAndTheEuropeanSummerTime()
    {
        var zone = PhoneTimeZone.For("Europe/Paris");

        Assert.Equal(("+1", "France(Paris)", "FRA+1"), (zone.YealinkOffset, zone.YealinkName, zone.SnomCode));
        Assert.Equal(("GMT+01:00", "start=3/-1/7/2;end=10/-1/7/3;save=1"), (zone.CiscoZone, zone.CiscoSummerTimeRule));
        Assert.Equal("CET-1CEST-2,M3.5.0/02:00:00,M10.5.0/03:00:00", zone.Posix);
    }

    [Fact]
    public void For_London_ChangesAnHourEarlierInLocalTime()
    {
        var zone = PhoneTimeZone.For("Europe/London");

        Assert.Equal(("0", 1, 2), (zone.YealinkOffset, zone.SummerTimeStartHour, zone.SummerTimeEndHour));
        Assert.Equal("GMT0BST-1,M3.5.0/01:00:00,M10.5.0/02:00:00", zone.Posix);
    }

    [Fact]
    public void For_UnknownName_IsUtcWithoutVendorNames()
    {
        var zone = PhoneTimeZone.For("Mars/Olympus_Mons");

        Assert.Equal((0, false, null, null), (zone.StandardOffsetMinutes, zone.EuropeanSummerTime, zone.YealinkName, zone.SnomCode));
        Assert.Equal("UTC+0", zone.Posix);
    }
}
