using MassTransit;
using Microsoft.Extensions.Options;
using Telephony.Contracts.Routing;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.CallControl.Routing;

/// <summary>
/// At start: loads the stored snapshots into memory (routing works at once, even with the
/// Portal or the broker down), then asks the Portal for every snapshot this instance lacks or
/// holds in an older version, retrying until the broker takes the request.
/// </summary>
internal sealed partial class RoutingSnapshotRecovery(
    IServiceScopeFactory scopes,
    RoutingTable table,
    IBusControl bus,
    TimeProvider time,
    IOptions<MessagingOptions> messaging,
    ILogger<RoutingSnapshotRecovery> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<RoutingSnapshotStore>().LoadAllAsync(cancellationToken);
            foreach (var snapshot in stored)
            {
                table.Apply(snapshot);
            }

            LogLoaded(logger, stored.Count);
        }

        await base.StartAsync(cancellationToken);
    }

    // The answer comes back on this instance's own queue: PublishUntilTakenAsync waits until it is bound.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        bus.PublishUntilTakenAsync(
            () => new RoutingSnapshotsRequested
            {
                MessageId = Guid.NewGuid(),
                RequestedBy = messaging.Value.InstanceId,
                KnownVersions = table.KnownVersions(),
                OccurredAt = time.GetUtcNow().UtcDateTime,
            },
            time,
            ex => LogRequestFailed(logger, ex),
            stoppingToken);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Loaded {Count} stored routing snapshot(s)")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Asking the Portal for missing routing snapshots failed; retrying")]
    private static partial void LogRequestFailed(ILogger logger, Exception exception);
}
