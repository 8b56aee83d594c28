using MassTransit;
using Telephony.Contracts.Devices;
using Telephony.Provisioning.Persistence;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.Provisioning.Devices;

/// <summary>
/// At start: loads the stored phones into memory (phones are served at once, even with the
/// Portal or the broker down), then asks the Portal for every device snapshot this service
/// lacks or holds in an older version, retrying until the broker takes the request.
/// </summary>
internal sealed partial class DeviceSnapshotRecovery(
    IServiceScopeFactory scopes,
    ProvisionedDevices devices,
    IBusControl bus,
    TimeProvider time,
    ILogger<DeviceSnapshotRecovery> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await devices.LoadAllAsync(scope.ServiceProvider.GetRequiredService<ProvisioningDbContext>(), cancellationToken);
            LogLoaded(logger, devices.Count);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        bus.PublishUntilTakenAsync(
            () => new DeviceSnapshotsRequested
            {
                MessageId = Guid.NewGuid(),
                KnownVersions = devices.KnownVersions(),
                OccurredAt = time.GetUtcNow().UtcDateTime,
            },
            time,
            ex => LogRequestFailed(logger, ex),
            stoppingToken);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "Loaded {Count} stored phone(s)")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning, Message = "Asking the Portal for missing device snapshots failed; retrying")]
    private static partial void LogRequestFailed(ILogger logger, Exception exception);
}
