using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Telephony.CallControl;
using Telephony.CallControl.Routing;
using Telephony.TestSupport;

namespace Telephony.IntegrationTests.Messaging;

/// <summary>
/// Issue 4's promise: a change made through the Portal's API is held by CallControl within
/// one second, over the production path (PostgreSQL outbox, RabbitMQ, CallControl's consumer).
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ApiChangeReachesCallControlTests : IAsyncLifetime
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private PostgresDatabase _portalDb = null!;
    private PostgresDatabase _callControlDb = null!;
    private PortalApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _portalDb = await PostgresDatabase.CreateAsync("portal");
        _callControlDb = await PostgresDatabase.CreateAsync("callcontrol");
        _host = await PortalApiHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Portal"] = _portalDb.ConnectionString,
                ["ConnectionStrings:CallControl"] = _callControlDb.ConnectionString,
                ["Messaging:Transport"] = "RabbitMq",
                ["Messaging:RabbitMqUri"] = TestEnvironment.RabbitMqUri,
                ["Messaging:InstanceId"] = "it-api-" + Guid.NewGuid().ToString("N")[..8],
                ["Sip:ListenAddress"] = "127.0.0.1",
                ["Sip:Port"] = FreePorts.Take(1)[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Logging:LogLevel:MassTransit"] = "Error",
            },
            builder => builder.AddCallControl());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _portalDb.DisposeAsync();
        await _callControlDb.DisposeAsync();
    }

    [Fact]
    public async Task EachApiChange_IsHeldByCallControlWithinOneSecond()
    {
        await _host.AddPoolNumbersAsync("0199500000", 10);
        var (tenantId, token) = await _host.CreateCompanyAsync("Latency Co");
        var routing = _host.Services.GetRequiredService<RoutingTable>();
        await Eventually.TrueAsync(() => Task.FromResult(routing.Find(tenantId) is not null), TimeSpan.FromSeconds(60), "the first snapshot (bus start-up)");
        using var company = _host.Client(token);
        using var op = _host.Client(await _host.OperatorTokenAsync());
        var site = await ReadAsync<IdOnly>(await company.PostAsJsonAsync("/api/v1/sites", new { name = "HQ", street = "1 rue A", postcode = "75001", city = "Paris" }, Json));

        var line = await MeasureAsync(routing, tenantId, "activate a line", async () =>
            await ReadAsync<IdOnly>(await company.PostAsJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Lat", lastName = "Ency", email = "lat.ency@latency.example.com", shortNumber = "41" }, Json)));
        Assert.Contains(routing.Find(tenantId)!.Snapshot.Lines, l => l.LineId == line.Id && l.ShortNumber == "41");

        await MeasureAsync(routing, tenantId, "forward on busy to a mobile", async () =>
            await ReadAsync<object>(await company.PutAsJsonAsync($"/api/v1/lines/{line.Id}/services/forwarding", new { busy = new { enabled = true, target = "Number", number = "0612345678" } }, Json)));
        Assert.Equal("+33612345678", routing.Find(tenantId)!.Snapshot.Lines.Single(l => l.LineId == line.Id).Services!.Forwarding.Busy.Number);

        var calendar = await MeasureAsync(routing, tenantId, "create a calendar", async () =>
            await ReadAsync<IdOnly>(await company.PostAsJsonAsync("/api/v1/calendars", new { name = "Office", openingHours = (object[])[new { days = (string[])["Monday"], start = "09:00:00", end = "17:00:00" }] }, Json)));
        Assert.Contains(routing.Find(tenantId)!.Snapshot.Calendars, c => c.CalendarId == calendar.Id);

        var group = await MeasureAsync(routing, tenantId, "create a pickup group", async () =>
            await ReadAsync<IdOnly>(await company.PostAsJsonAsync("/api/v1/pickup-groups", new { name = "Desk", siteId = site.Id, memberIds = (Guid[])[line.Id] }, Json)));
        Assert.Equal(group.Id, routing.Find(tenantId)!.Snapshot.Lines.Single(l => l.LineId == line.Id).PickupGroupId);

        await MeasureAsync(routing, tenantId, "suspend the company", async () => await ReadAsync<IdOnly>(await op.PostAsync($"/api/v1/operator/tenants/{tenantId}/suspend", null)));
        Assert.True(routing.Find(tenantId)!.Snapshot.Suspended);

        await MeasureAsync(routing, tenantId, "reactivate it", async () => await ReadAsync<IdOnly>(await op.PostAsync($"/api/v1/operator/tenants/{tenantId}/reactivate", null)));
        Assert.False(routing.Find(tenantId)!.Snapshot.Suspended);

        await MeasureAsync(routing, tenantId, "delete the line", async () =>
        {
            Assert.Equal(HttpStatusCode.NoContent, (await company.DeleteAsync($"/api/v1/lines/{line.Id}")).StatusCode);
            return line;
        });
        Assert.Empty(routing.Find(tenantId)!.Snapshot.Lines);
    }

    /// <summary>Makes the change, then waits (polling every 5 ms) until CallControl holds a newer version; fails past one second.</summary>
    private static async Task<T> MeasureAsync<T>(RoutingTable routing, Guid tenantId, string change, Func<Task<T>> act)
    {
        var before = routing.Find(tenantId)!.Version;
        var result = await act();
        var clock = Stopwatch.StartNew();
        while (routing.Find(tenantId)!.Version <= before)
        {
            Assert.True(clock.Elapsed < Promise, $"CallControl did not hold the change '{change}' within {Promise.TotalSeconds} s");
            await Task.Delay(5);
        }

        return result;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    private sealed record IdOnly(Guid Id);
}
