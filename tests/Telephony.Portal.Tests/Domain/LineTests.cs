using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Tenants;

namespace Telephony.Portal.Tests.Domain;

public sealed class LineTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_FixedLine_GetsSipCredentialsOfAtLeast16Characters()
    {
        var line = Line.Create(Guid.NewGuid(), Guid.NewGuid(), LineKind.Fixed, "+33199000000", new LineIdentity("Alice", "Martin", "Alice.Martin@Example.com", ShortNumber: "201"), Now).Value!;

        Assert.Equal("33199000000", line.SipUsername);
        Assert.True(line.SipPassword!.Length >= 16);
        Assert.Equal("alice.martin@example.com", line.Email);
        Assert.Equal("Alice Martin", line.DisplayName);
    }

    [Fact]
    public void Create_TwoLines_GetDifferentSipPasswords()
    {
        var identity = new LineIdentity("A", "B", "a@example.com");
        var first = Line.Create(Guid.NewGuid(), Guid.NewGuid(), LineKind.Fixed, "+33199000000", identity, Now).Value!;
        var second = Line.Create(Guid.NewGuid(), Guid.NewGuid(), LineKind.Fixed, "+33199000001", identity, Now).Value!;

        Assert.NotEqual(first.SipPassword, second.SipPassword);
    }

    [Theory]
    [InlineData(LineKind.HuntGroup)]
    [InlineData(LineKind.Ivr)]
    public void Create_ServiceLine_HasANameAndNoSipCredentials(LineKind kind)
    {
        var line = Line.Create(Guid.NewGuid(), Guid.NewGuid(), kind, "+33199000000", new LineIdentity(Name: "Sales"), Now).Value!;

        Assert.Equal("Sales", line.DisplayName);
        Assert.Null(line.SipUsername);
        Assert.Null(line.Email);
    }

    [Theory]
    [InlineData(null, "Martin", "a@example.com", null, "FirstName")]
    [InlineData("Alice", "", "a@example.com", null, "LastName")]
    [InlineData("Alice", "Martin", "not-an-email", null, "Email")]
    [InlineData("Alice", "Martin", "a@localhost", null, "Email")]
    [InlineData("Alice", "Martin", "a@example.com", "1", "ShortNumber")]
    [InlineData("Alice", "Martin", "a@example.com", "1234567", "ShortNumber")]
    [InlineData("Alice", "Martin", "a@example.com", "12a", "ShortNumber")]
    public void Create_UserLineWithInvalidIdentity_NamesTheField(string? first, string? last, string? email, string? shortNumber, string field)
    {
        var result = Line.Create(Guid.NewGuid(), Guid.NewGuid(), LineKind.Fixed, "+33199000000", new LineIdentity(first, last, email, ShortNumber: shortNumber), Now);

        Assert.False(result.Succeeded);
        Assert.Equal(field, result.Error!.Field);
    }

    [Fact]
    public void Create_AnalogLineWithoutName_IsRejected() =>
        Assert.Equal("Name", Line.Create(Guid.NewGuid(), Guid.NewGuid(), LineKind.Analog, "+33199000000", new LineIdentity(), Now).Error!.Field);

    [Theory]
    [InlineData("Société Générale", "societe-generale")]
    [InlineData("  ACME & Co. ", "acme-co")]
    [InlineData("!!!", "tenant")]
    public void SipDomainLabel_CompanyName_IsADnsLabel(string company, string label) =>
        Assert.Equal(label, SipDomainName.LabelFrom(company));

    [Fact]
    public void TenantCreate_UnknownTimeZone_IsRejected() =>
        Assert.Equal("TimeZone", Tenant.Create("Acme", null, "acme.sip.localhost", "Mars/Olympus", Now).Error!.Field);
}
