using System.Text.Json;
using Telephony.Contracts.Routing;

namespace Telephony.Portal.Tests.Infrastructure;

/// <summary>Snapshots stored before a field existed still load (CallControl keeps them across upgrades).</summary>
public sealed class RoutingContractCompatibilityTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Announcements_WithoutAnAnnouncementId_LoadAsNotReady()
    {
        var hold = JsonSerializer.Deserialize<RoutingAnnouncement>("""{"enabled":true,"source":"Uploaded"}""", Web);
        var greeting = JsonSerializer.Deserialize<RoutingGreeting>("""{"enabled":true,"source":"Predefined","interruptible":false,"calendarId":null}""", Web);

        Assert.Equal(new RoutingAnnouncement(true, "Uploaded", null), hold);
        Assert.Equal(new RoutingGreeting(true, "Predefined", false, null, null), greeting);
    }

    [Fact]
    public void Announcements_WithAnAnnouncementId_RoundTrip()
    {
        var id = Guid.NewGuid();
        var greeting = new RoutingGreeting(true, "Uploaded", true, null, id);

        Assert.Equal(greeting, JsonSerializer.Deserialize<RoutingGreeting>(JsonSerializer.Serialize(greeting, Web), Web));
    }
}
