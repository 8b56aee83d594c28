using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Contracts.Devices;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Infrastructure.Provisioning;
using Telephony.ServiceDefaults.Tenancy;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Infrastructure;

/// <summary>D-RESYNC: "last provisioned at" and "registered from" come from Provisioning's and CallControl's events, each for its own tenant only.</summary>
public sealed class DeviceStatusConsumerTests : IAsyncLifetime
{
    private PortalStore _store = null!;
    private PortalConsumerHarness _consumers = null!;
    private Tenant _tenant = null!;
    private Site _site = null!;

    public async Task InitializeAsync()
    {
        _store = await PortalStore.SqliteAsync();
        (_tenant, _site) = await SeedTenantAsync(_store, "Alpha");
        _consumers = await PortalConsumerHarness.StartAsync(_store, bus =>
        {
            bus.AddConsumer<DeviceProvisionedConsumer>();
            bus.AddConsumer<LineRegistrationChangedConsumer>();
        });
    }

    public async Task DisposeAsync()
    {
        await _consumers.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Provisioned_ThenRegistered_AreShownOnTheLine_AndAnOlderReportChangesNothing()
    {
        var lineId = await AddLineAsync();
        var at = new DateTime(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);

        await ConsumeAsync(Provisioned(_tenant.Id, lineId, at, "192.0.2.10"));
        await ConsumeAsync(Provisioned(_tenant.Id, lineId, at.AddMinutes(-5), "192.0.2.99"));
        await ConsumeAsync(new LineRegistrationChanged
        {
            TenantId = _tenant.Id,
            MessageId = Guid.NewGuid(),
            LineId = lineId,
            Contacts = [new RegisteredContact("192.0.2.10", 5062, "UDP", "Yealink SIP-T46U", at.AddHours(1))],
            OccurredAt = at,
        });

        await using var db = _store.Context(_tenant.Id);
        var status = await db.DeviceStatuses.SingleAsync(s => s.LineId == lineId);
        Assert.Equal((at, "192.0.2.10"), (status.LastProvisionedAt, status.ProvisionedFrom));
        Assert.Equal(("192.0.2.10:5062 UDP", "Yealink SIP-T46U"), (status.RegisteredFrom, status.RegisteredUserAgent));
    }

    [Fact]
    public async Task Provisioned_NamingAnotherTenantsLine_ChangesNothing()
    {
        var lineId = await AddLineAsync();
        var (other, _) = await SeedTenantAsync(_store, "Beta", numberBlock: "991");

        await ConsumeAsync(Provisioned(other.Id, lineId, new DateTime(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc), "192.0.2.10"));

        await using var db = _store.Context();
        Assert.Empty(await db.DeviceStatuses.IgnoreQueryFilters().ToListAsync());
    }

    private async Task<Guid> AddLineAsync()
    {
        await using var db = _store.Context(_tenant.Id);
        return (await PortalBuilders.AddLineAsync(db, _tenant.Id, _site.Id, "+33199000000", Person("Alice", "Martin", "201"))).Id;
    }

    private async Task ConsumeAsync(DeviceProvisioned message)
    {
        await _consumers.Harness.Bus.Publish(message);
        Assert.True(await _consumers.Harness.Consumed.Any<DeviceProvisioned>(m => m.Context.Message.MessageId == message.MessageId));
    }

    private async Task ConsumeAsync(LineRegistrationChanged message)
    {
        await _consumers.Harness.Bus.Publish(message);
        Assert.True(await _consumers.Harness.Consumed.Any<LineRegistrationChanged>(m => m.Context.Message.MessageId == message.MessageId));
    }

    private static DeviceProvisioned Provisioned(Guid tenantId, Guid lineId, DateTime at, string from) => new()
    {
        TenantId = tenantId,
        MessageId = Guid.NewGuid(),
        LineId = lineId,
        Mac = "805ec0000001",
        RemoteAddress = from,
        UserAgent = "Yealink SIP-T46U",
        ProvisionedAt = at,
    };
}
