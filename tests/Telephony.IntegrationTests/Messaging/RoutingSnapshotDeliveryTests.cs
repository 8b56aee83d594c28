using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Telephony.CallControl;
using Telephony.CallControl.Routing;
using Telephony.Contracts.Routing;
using Telephony.Portal;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.Tenants;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults;
using Telephony.ServiceDefaults.Messaging;
using Telephony.ServiceDefaults.Tenancy;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.IntegrationTests.Messaging;

/// <summary>
/// The Portal's outbox and CallControl's consumer over a real RabbitMQ: a change made while
/// the broker is down reaches CallControl once the broker is back, exactly once.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RoutingSnapshotDeliveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("telephony-it").FullName;
    private PostgresDatabase _portalDb = null!;
    private PostgresDatabase _callControlDb = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _portalDb = await PostgresDatabase.CreateAsync("portal");
        _callControlDb = await PostgresDatabase.CreateAsync("callcontrol");
        _host = BuildHost();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Broker.StartAsync();
        await _host.StopAsync();
        _host.Dispose();
        await _portalDb.DisposeAsync();
        await _callControlDb.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task ChangeDuringBrokerOutage_ReachesCallControlOnceBrokerIsBack_ExactlyOnce()
    {
        var routing = _host.Services.GetRequiredService<RoutingTable>();
        var deliveries = _host.Services.GetRequiredService<RecordedDeliveries>();
        var tenant = await CreateTenantAsync();
        await Eventually.TrueAsync(() => Task.FromResult(routing.Find(tenant.Id) is not null), Patience, "the first snapshot in CallControl");
        var versionBefore = routing.Find(tenant.Id)!.Version;

        await Broker.StopAsync();
        await AddSiteWithLineAsync(tenant.Id);

        var pending = await OutboxRowsAsync(tenant.Id);
        var change = Assert.Single(pending, r => r.SentAt is null);
        await Eventually.TrueAsync(async () => (await OutboxRowsAsync(tenant.Id)).Single(r => r.MessageId == change.MessageId).Attempts > 0, Patience, "a failed publish attempt while the broker is down");
        Assert.Equal(versionBefore, routing.Find(tenant.Id)!.Version);

        await Broker.StartAsync();

        await Eventually.TrueAsync(() => Task.FromResult(routing.Find(tenant.Id)!.Version > versionBefore), Patience, "the change in CallControl after the broker restart");
        var inForce = routing.Find(tenant.Id)!;
        Assert.Equal("+33199000000", Assert.Single(inForce.Snapshot.Lines).PublicNumber);
        Assert.NotNull((await OutboxRowsAsync(tenant.Id)).Single(r => r.MessageId == change.MessageId).SentAt);

        // Give a duplicate time to show up before counting.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, deliveries.Count(change.MessageId));
    }

    [Fact]
    public async Task StoredSnapshots_AfterCallControlRestart_AreInForceBeforeAnyEvent()
    {
        var tenant = await CreateTenantAsync();
        var routing = _host.Services.GetRequiredService<RoutingTable>();
        await Eventually.TrueAsync(() => Task.FromResult(routing.Find(tenant.Id) is not null), Patience, "the snapshot in CallControl");

        await Broker.StopAsync();
        using var restarted = BuildHost(instanceId: "restarted-" + Guid.NewGuid().ToString("N")[..8]);
        await restarted.StartAsync();
        try
        {
            var restartedRouting = restarted.Services.GetRequiredService<RoutingTable>();
            Assert.Equal(routing.Find(tenant.Id)!.Version, restartedRouting.Find(tenant.Id)?.Version);
        }
        finally
        {
            await Broker.StartAsync();
            await restarted.StopAsync();
        }
    }

    private async Task<Tenant> CreateTenantAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateTenant>().ExecuteAsync(
            new CreateTenantRequest($"Outbox Co {Guid.NewGuid():N}"[..20], null, $"boss-{Guid.NewGuid():N}@example.com", "Boss", new Dictionary<LineKind, int> { [LineKind.Fixed] = 5 }, new Dictionary<LineOption, int>()),
            CancellationToken.None);
        return result.Value!;
    }

    private async Task AddSiteWithLineAsync(Guid tenantId)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        using var _ = tenant.Enter(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var site = Telephony.Portal.Domain.Sites.Site.Create(tenantId, "Head office", "10 rue de la Paix", "75002", "Paris", Now).Value!;
        db.Sites.Add(site);
        await db.SaveChangesAsync();
        await AddLineAsync(db, tenantId, site.Id, "+33199000000", Person("Alice", "Martin", "201"));
    }

    private async Task<List<OutboxMessage>> OutboxRowsAsync(Guid tenantId)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.TenantId == tenantId && m.MessageType == typeof(TenantRoutingChanged).FullName)
            .OrderBy(m => m.Sequence).ToListAsync();
    }

    private IHost BuildHost(string? instanceId = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:DataFolder"] = _dataFolder,
            ["ConnectionStrings:Portal"] = _portalDb.ConnectionString,
            ["ConnectionStrings:CallControl"] = _callControlDb.ConnectionString,
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMqUri"] = TestEnvironment.RabbitMqUri,
            ["Messaging:InstanceId"] = instanceId ?? "it-" + Guid.NewGuid().ToString("N")[..8],
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:PublishTimeout"] = "00:00:02",
            ["Outbox:MaxRetryDelay"] = "00:00:01",
            ["Logging:PlainConsole"] = "true",
            ["Sip:ListenAddress"] = "127.0.0.1",
            ["Sip:Port"] = FreePorts.Take(1)[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The broker outage is the point of the test: its connection warnings are expected noise.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:MassTransit"] = "Critical",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Critical",
            ["Logging:LogLevel:Telephony.ServiceDefaults.Messaging"] = "Error",
        });
        builder.AddServiceDefaults();
        builder.AddPortal();
        builder.AddCallControl();
        builder.Services.AddSingleton<RecordedDeliveries>();
        var recorderQueue = "it-recorder-" + Guid.NewGuid().ToString("N")[..8];
        builder.Services.AddBusConsumers(bus => bus.AddConsumer<RecordingConsumer>().Endpoint(e =>
        {
            // Durable, like CallControl's own queue, so it outlives the broker restart.
            e.Name = recorderQueue;
        }));
        builder.AddMessageBus();
        return builder.Build();
    }

    /// <summary>Counts raw deliveries of routing snapshots on a queue of its own.</summary>
    public sealed class RecordedDeliveries
    {
        private readonly ConcurrentDictionary<Guid, int> _byMessageId = new();

        public void Add(Guid messageId) => _byMessageId.AddOrUpdate(messageId, 1, (_, n) => n + 1);

        public int Count(Guid messageId) => _byMessageId.GetValueOrDefault(messageId);
    }

    public sealed class RecordingConsumer(RecordedDeliveries deliveries) : IConsumer<TenantRoutingChanged>
    {
        public Task Consume(ConsumeContext<TenantRoutingChanged> context)
        {
            deliveries.Add(context.MessageId ?? Guid.Empty);
            return Task.CompletedTask;
        }
    }
}
