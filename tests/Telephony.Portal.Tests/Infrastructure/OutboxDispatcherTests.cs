using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telephony.Contracts.Routing;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Messaging;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Infrastructure;

/// <summary>The dispatcher against MassTransit's in-memory test harness (the RabbitMQ outage is an integration test).</summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
    private PortalStore _store = null!;
    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;
    private OutboxDispatcher<PortalDbContext> _dispatcher = null!;

    public async Task InitializeAsync()
    {
        _store = await PortalStore.SqliteAsync();
        _services = new ServiceCollection()
            .AddScoped(_ => _store.Context())
            .AddMassTransitTestHarness()
            .BuildServiceProvider();
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
        _dispatcher = new OutboxDispatcher<PortalDbContext>(
            _services.GetRequiredService<IServiceScopeFactory>(),
            _services.GetRequiredService<IBusControl>(),
            new OutboxSignal<PortalDbContext>(),
            _time,
            Options.Create(new OutboxOptions()),
            NullLogger<OutboxDispatcher<PortalDbContext>>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task DispatchPending_PublishesEveryRowOnceWithItsMessageId_AndMarksItSent()
    {
        var first = await EnqueueAsync(version: 1);
        var second = await EnqueueAsync(version: 2);

        Assert.Equal(2, await _dispatcher.DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(0, await _dispatcher.DispatchPendingAsync(CancellationToken.None));

        var published = _harness.Published.Select<TenantRoutingChanged>().ToList();
        Assert.Equal([first, second], published.Select(p => p.Context.MessageId!.Value));
        Assert.Equal([1L, 2L], published.Select(p => p.Context.Message.Version));
        await using var db = _store.Context();
        Assert.All(await db.OutboxMessages.ToListAsync(), m => Assert.Equal(_time.GetUtcNow().UtcDateTime, m.SentAt));
    }

    [Fact]
    public async Task DispatchPending_RowLeasedByAnotherInstance_WaitsForTheLeaseToExpire()
    {
        var messageId = await EnqueueAsync(version: 1);
        await using (var db = _store.Context())
        {
            var until = _time.GetUtcNow().UtcDateTime.AddSeconds(30);
            await db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.LeasedUntil, until));
        }

        Assert.Equal(0, await _dispatcher.DispatchPendingAsync(CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await _dispatcher.DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(messageId, _harness.Published.Select<TenantRoutingChanged>().Single().Context.MessageId);
    }

    [Fact]
    public async Task PurgeSent_DeletesOnlyPublishedRowsOlderThanTheRetention()
    {
        await EnqueueAsync(version: 1);
        await _dispatcher.DispatchPendingAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(8));
        var unsent = await EnqueueAsync(version: 2);

        Assert.Equal(1, await _dispatcher.PurgeSentAsync(CancellationToken.None));

        await using var db = _store.Context();
        Assert.Equal(unsent, (await db.OutboxMessages.SingleAsync()).MessageId);
    }

    private async Task<Guid> EnqueueAsync(long version)
    {
        var messageId = Guid.NewGuid();
        await using var db = _store.Context();
        db.Enqueue(messageId, Guid.Empty, new TenantRoutingChanged
        {
            TenantId = Guid.NewGuid(),
            MessageId = messageId,
            Version = version,
            CompanyName = "Alpha",
            Suspended = false,
            SipDomain = "alpha.sip.test",
            TimeZone = "Europe/Paris",
            Lines = [],
            OccurredAt = Now,
        }, _time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return messageId;
    }
}
