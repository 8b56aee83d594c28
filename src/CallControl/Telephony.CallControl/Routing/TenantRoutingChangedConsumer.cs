using MassTransit;
using Telephony.Contracts.Routing;

namespace Telephony.CallControl.Routing;

/// <summary>
/// Installs a tenant's new routing snapshot in this instance's memory and in the CallControl
/// store. Idempotent by version: a redelivery or an older snapshot changes nothing.
/// </summary>
internal sealed partial class TenantRoutingChangedConsumer(
    RoutingTable table,
    RoutingSnapshotStore store,
    CallControlMetrics metrics,
    ILogger<TenantRoutingChangedConsumer> logger) : IConsumer<TenantRoutingChanged>
{
    public async Task Consume(ConsumeContext<TenantRoutingChanged> context)
    {
        var snapshot = context.Message;
        using var scope = SnapshotScope(logger, snapshot.TenantId, snapshot.MessageId);

        await store.SaveIfNewerAsync(snapshot, context.CancellationToken);
        if (table.Apply(snapshot))
        {
            metrics.SnapshotApplied();
            LogApplied(logger, snapshot.Version, snapshot.Lines.Count);
        }
        else
        {
            metrics.SnapshotIgnored();
            LogIgnored(logger, snapshot.Version);
        }
    }

    private static readonly Func<ILogger, Guid, Guid, IDisposable?> SnapshotScope =
        LoggerMessage.DefineScope<Guid, Guid>("Tenant {TenantId} message {MessageId}");

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Routing snapshot version {Version} in force ({LineCount} lines)")]
    private static partial void LogApplied(ILogger logger, long version, int lineCount);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Routing snapshot version {Version} ignored: a newer or equal version is in force")]
    private static partial void LogIgnored(ILogger logger, long version);
}
