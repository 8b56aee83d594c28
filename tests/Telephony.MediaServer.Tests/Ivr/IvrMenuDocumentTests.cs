using System.Text;
using Telephony.MediaServer.Ivr;

namespace Telephony.MediaServer.Tests.Ivr;

public sealed class IvrMenuDocumentTests
{
    private const string Tenant = "7f0c1a52-9d0e-4a43-9b7e-6a4c5c1f1a10";
    private const string OtherTenant = "0b5f2a4e-5a1d-4f57-9a3e-0d6c8e1f2a01";
    private const string Welcome = $"announcement:{Tenant}/3e1f6b0a-8c1d-4e7f-9a2b-5c6d7e8f9a0b";

    [Fact]
    public void Parse_ATwoLevelMenu_GivesTheMenuWithItsSubmenu()
    {
        var json = $$"""
            {
              "announcement": "{{Welcome}}",
              "keys": {
                "1": { "number": "+33123456789", "label": "Ventes été" },
                "2": { "label": "Support", "menu": { "announcement": "prompt:fr/main-menu", "keys": { "1": { "number": "201" } } } },
                "0": { "number": "200", "label": "Operator" }
              }
            }
            """;

        var menu = Parse(json, out var status, out _)!;

        Assert.Equal(0, status);
        Assert.Equal(Welcome, menu.Announcement);
        Assert.Equal(new IvrChoice("+33123456789", "Ventes été"), menu.Keys['1']);
        Assert.Equal("prompt:fr/main-menu", menu.Keys['2'].Submenu!.Announcement);
        Assert.Equal(new IvrChoice("201"), menu.Keys['2'].Submenu!.Keys['1']);
        Assert.Equal("200", menu.Keys['0'].Number);
        Assert.Equal([Welcome, "prompt:fr/main-menu"], IvrMenuDocument.Announcements(menu));
    }

    [Fact]
    public void Parse_AnAnnouncementOfAnotherTenant_Is403()
    {
        var json = $$"""{ "announcement": "announcement:{{OtherTenant}}/3e1f6b0a-8c1d-4e7f-9a2b-5c6d7e8f9a0b", "keys": {} }""";

        Assert.Null(Parse(json, out var status, out var reason));

        Assert.Equal(403, status);
        Assert.StartsWith("Forbidden: the level 1 announcement belongs to another tenant", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ASubmenuAnnouncementOfAnotherTenant_Is403()
    {
        var json = $$"""{ "announcement": "prompt:fr/main-menu", "keys": { "1": { "menu": { "announcement": "announcement:{{OtherTenant}}/3e1f6b0a-8c1d-4e7f-9a2b-5c6d7e8f9a0b", "keys": {} } } } }""";

        Assert.Null(Parse(json, out var status, out _));

        Assert.Equal(403, status);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "not an object")]
    [InlineData("""{ "keys": {} }""", "no announcement")]
    [InlineData("""{ "announcement": "welcome.wav", "keys": {} }""", "is not prompt:")]
    [InlineData("""{ "announcement": "announcement:x/y", "keys": {} }""", "is not prompt:")]
    [InlineData("""{ "announcement": "prompt:fr/main-menu" }""", "no keys object")]
    [InlineData("""{ "announcement": "prompt:fr/main-menu", "keys": {}, "extra": 1 }""", "unknown property 'extra'")]
    [InlineData("""{ "announcement": "prompt:fr/main-menu", "keys": { "*": { "number": "1" } } }""", "key '*' is not one of 0-9")]
    [InlineData("""{ "announcement": "prompt:fr/main-menu", "keys": { "12": { "number": "1" } } }""", "key '12' is not one of 0-9")]
    [InlineData("""{ "announcement": "prompt:fr/main-menu", "keys": { "1": { "number": "1" }, "1": { "number": "2" } } }""", "key '1' is not one of 0-9, once")]
    [InlineData("""{ "announcement": "prompt:fr/main-menu", "keys": { "1": { "label": "x" } } }""", "needs a number or a menu")]
    [InlineData("""{ "announcement": "prompt:fr/main-menu", "keys": { "1": { "number": "1", "menu": { "announcement": "prompt:fr/x", "keys": {} } } } }""", "needs a number or a menu")]
    [InlineData("""{ "announcement": "prompt:fr/main-menu", "keys": { "1": { "number": "01 23" } } }""", "number that is not")]
    [InlineData("""{ "announcement": "prompt:fr/main-menu", "keys": { "1": { "number": "1", "label": "a\r\nnumber=666" } } }""", "label")]
    [InlineData("""{ "announcement": "prompt:fr/main-menu", "keys": { "1": { "number": "1", "label": 5 } } }""", "label")]
    [InlineData("""{ "announcement": "prompt:fr/main-menu", "keys": { "1": { "number": "1", "extra": true } } }""", "is not an object of number, label and menu")]
    [InlineData("""{ "announcement": "prompt:fr/main-menu", "keys": { "1": { "menu": { "announcement": "prompt:fr/x", "keys": { "0": { "number": "1" } } } } } }""", "level 2 key '0' is not one of 1-9")]
    [InlineData("""{ "announcement": "prompt:fr/main-menu", "keys": { "1": { "menu": { "announcement": "prompt:fr/x", "keys": { "1": { "menu": { "announcement": "prompt:fr/x", "keys": {} } } } } } } }""", "level 2 keys forward only")]
    public void Parse_AMalformedMenu_Is400SayingWhat(string json, string reason)
    {
        Assert.Null(Parse(json, out var status, out var phrase));

        Assert.Equal(400, status);
        Assert.StartsWith("Bad Request: ", phrase, StringComparison.Ordinal);
        Assert.Contains(reason, phrase, StringComparison.Ordinal);
    }

    private static IvrMenu? Parse(string json, out int status, out string? reason) =>
        IvrMenuDocument.Parse(Encoding.UTF8.GetBytes(json), Guid.Parse(Tenant), out status, out reason);
}
