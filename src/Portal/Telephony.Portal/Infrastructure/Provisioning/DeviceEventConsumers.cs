using MassTransit;
using Microsoft.EntityFrameworkCore;
using Telephony.Contracts.Devices;
using Telephony.Portal.Domain.Devices;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.Portal.Infrastructure.Routing;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Infrastructure.Provisioning;

/// <summary>Answers a starting Provisioning service with every device snapshot it lacks or holds in an older version.</summary>
internal sealed class DeviceSnapshotsRequestedConsumer(PortalDbContext db, TimeProvider time) : IConsumer<DeviceSnapshotsRequested>
{
    public Task Consume(ConsumeContext<DeviceSnapshotsRequested> context) =>
        RoutingSnapshotStaging.RestageNewerAsync(db, context.Message.KnownVersions, time, RoutingSnapshotStaging.RestageDevicesAsync, context.CancellationToken);
}

/// <summary>"Last provisioned at" of a line's phone. Idempotent: an older or repeated report changes nothing.</summary>
internal sealed class DeviceProvisionedConsumer(PortalDbContext db, TenantContext tenant) : IConsumer<DeviceProvisioned>
{
    public async Task Consume(ConsumeContext<DeviceProvisioned> context)
    {
        var message = context.Message;
        using var scope = tenant.Enter(message.TenantId);
        if (await DeviceStatuses.FindOrAddAsync(db, message.TenantId, message.LineId, context.CancellationToken) is { } status)
        {
            status.Provisioned(message.ProvisionedAt, message.RemoteAddress, message.UserAgent);
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}

/// <summary>"Registered from" of a line. Idempotent: an older or repeated report changes nothing.</summary>
internal sealed class LineRegistrationChangedConsumer(PortalDbContext db, TenantContext tenant) : IConsumer<LineRegistrationChanged>
{
    public async Task Consume(ConsumeContext<LineRegistrationChanged> context)
    {
        var message = context.Message;
        using var scope = tenant.Enter(message.TenantId);
        if (await DeviceStatuses.FindOrAddAsync(db, message.TenantId, message.LineId, context.CancellationToken) is { } status)
        {
            var contacts = message.Contacts;
            status.Registered(
                message.OccurredAt,
                contacts.Count == 0 ? null : string.Join(", ", contacts.Select(c => $"{c.RemoteAddress}:{c.RemotePort} {c.Transport}")),
                string.Join(", ", contacts.Select(c => c.UserAgent).OfType<string>().Distinct()) is { Length: > 0 } agents ? agents : null);
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}

internal static class DeviceStatuses
{
    /// <summary>The line's status row, created on first report; null when the line is not the tenant's (or is gone).</summary>
    public static async Task<DeviceStatus?> FindOrAddAsync(PortalDbContext db, Guid tenantId, Guid lineId, CancellationToken cancellationToken)
    {
        if (await db.DeviceStatuses.SingleOrDefaultAsync(s => s.LineId == lineId, cancellationToken) is { } existing)
        {
            return existing;
        }

        if (!await db.Lines.AnyAsync(l => l.Id == lineId, cancellationToken))
        {
            return null;
        }

        var created = DeviceStatus.For(tenantId, lineId);
        db.DeviceStatuses.Add(created);
        return created;
    }
}

/// <summary>
/// Retries a failed consume three times within a few seconds: the two reports of one line may
/// arrive together and both create its status row (the one that loses the insert is retried
/// and then finds the row); a voicemail mail waits for a media server that did not answer.
/// </summary>
internal sealed class RetriedConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 2000));
}
