using Telephony.Sip.Messages;

namespace Telephony.Sip.Tests.Messages;

public sealed class NameAddressTests
{
    [Theory]
    [InlineData("\"Alice \\\"Al\\\" Martin\" <sip:alice@example.com>;tag=88", "Alice \"Al\" Martin", "88")]
    [InlineData("Alice Martin <sip:alice@example.com>;tag=88", "Alice Martin", "88")]
    [InlineData("<sip:alice@example.com>", null, null)]
    [InlineData("sip:alice@example.com;tag=88", null, "88")]
    [InlineData("  \"\" <sip:alice@example.com> ; tag = 88 ", "", "88")]
    public void TryParse_FormsOfNameAddr_GiveDisplayNameUriAndTag(string text, string? display, string? tag)
    {
        Assert.True(NameAddress.TryParse(text, out var address));

        Assert.Equal(display, address!.DisplayName);
        Assert.Equal(("alice", "example.com"), (address.Uri.User, address.Uri.Host));
        Assert.Equal(tag, address.Tag);
    }

    [Fact]
    public void TryParse_AddrSpecWithParameters_GivesThemToTheHeaderNotTheUri()
    {
        Assert.True(NameAddress.TryParse("sip:alice@example.com;transport=tcp;tag=5", out var address));

        Assert.Equal(0, address!.Uri.Parameters.Count);
        Assert.Equal("tcp", address.Parameters["transport"]);
    }

    [Fact]
    public void TryParse_NameAddrWithUriParameters_KeepsThemInTheUri()
    {
        Assert.True(NameAddress.TryParse("<sip:alice@example.com;transport=tcp>;expires=60", out var address));

        Assert.Equal("tcp", address!.Uri.Transport);
        Assert.Equal("60", address.Parameters["expires"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<sip:alice@example.com")]
    [InlineData("\"unterminated <sip:alice@example.com>")]
    [InlineData("Alice <sip:alice@example.com>;")]
    [InlineData("<sip:alice@example.com> junk")]
    [InlineData("sip:alice@example.com?subject=x")]
    public void TryParse_Malformed_IsRefused(string text) => Assert.False(NameAddress.TryParse(text, out _));

    [Fact]
    public void ToString_EscapesQuotesOfTheDisplayName()
    {
        Assert.True(NameAddress.TryParse("\"A \\\"B\\\"\" <sip:a@example.com>;tag=1", out var address));

        Assert.Equal("\"A \\\"B\\\"\" <sip:a@example.com>;tag=1", address!.ToString());
    }
}
