using Telephony.Portal.Domain.Numbering;

namespace Telephony.Portal.Tests.Domain;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("0199000000", "+33199000000")]
    [InlineData("01 99 00 00 00", "+33199000000")]
    [InlineData("01.99.00.00.00", "+33199000000")]
    [InlineData("+33199000000", "+33199000000")]
    [InlineData("0033612345678", "+33612345678")]
    public void ToE164_FrenchNumber_IsNormalised(string input, string expected) =>
        Assert.Equal(expected, PhoneNumber.ToE164(input).Value);

    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("0012345678")]
    [InlineData("+3301234567")]
    [InlineData("+4930123456")]
    [InlineData("01990000000")]
    public void ToE164_NotAFrenchNumber_IsRejected(string input) =>
        Assert.False(PhoneNumber.ToE164(input).Succeeded);

    [Fact]
    public void ToNational_E164_IsGroupedByTwoDigits() =>
        Assert.Equal("01 99 00 00 42", PhoneNumber.ToNational("+33199000042"));

    [Theory]
    [InlineData("+33199000000", NumberZone.IleDeFrance)]
    [InlineData("+33412345678", NumberZone.SouthEast)]
    [InlineData("+33712345678", NumberZone.Mobile)]
    [InlineData("+33912345678", NumberZone.NonGeographic)]
    public void ZoneOf_FrenchNumber_IsItsFirstDigit(string number, NumberZone zone) =>
        Assert.Equal(zone, PhoneNumber.ZoneOf(number));

    [Fact]
    public void PoolNumberCreate_SpecialNumber_IsRejected() =>
        Assert.False(PoolNumber.Create("0812345678").Succeeded);
}
