using System.Security.Cryptography;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Telephony.Contracts.Devices;
using Telephony.Provisioning.Persistence;
using Telephony.Provisioning.Rendering;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.Provisioning.Devices;

/// <summary>
/// Applies a tenant's device snapshot: newer versions are written to the store (new phones get
/// a token, a MAC moved to another line gets a new one, unassigned phones are deleted), and a
/// phone whose configuration changed is told to resync through the outbox, in the same
/// transaction (CallControl tells it only if it is registered). Every instance consumes every snapshot (to refresh its memory); the tenant's
/// version is a concurrency token, so only one instance writes a version and the others,
/// finding it there, only reload.
/// </summary>
internal sealed partial class TenantDevicesChangedConsumer(
    ProvisioningDbContext db,
    ProvisionedDevices devices,
    OutboxSignal<ProvisioningDbContext> outbox,
    TimeProvider time,
    ILogger<TenantDevicesChangedConsumer> logger) : IConsumer<TenantDevicesChanged>
{
    public async Task Consume(ConsumeContext<TenantDevicesChanged> context)
    {
        var snapshot = context.Message;
        if (await ApplyAsync(snapshot, context.CancellationToken) is { } resyncs)
        {
            LogApplied(logger, snapshot.TenantId, snapshot.Version, snapshot.Devices.Count, resyncs);
        }

        await devices.ReloadTenantAsync(db, snapshot.TenantId, context.CancellationToken);
    }

    /// <summary>The number of phones told to resync, or null when this version was already applied.</summary>
    private async Task<int?> ApplyAsync(TenantDevicesChanged snapshot, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var set = await db.TenantDeviceSets.SingleOrDefaultAsync(t => t.TenantId == snapshot.TenantId, cancellationToken);
        if (set is not null && set.Version >= snapshot.Version)
        {
            return null;
        }

        if (set is null)
        {
            set = new TenantDeviceSet { TenantId = snapshot.TenantId };
            db.TenantDeviceSets.Add(set);
        }

        set.Version = snapshot.Version;
        set.Suspended = snapshot.Suspended;
        set.SipDomain = snapshot.SipDomain;
        set.Language = snapshot.Language;
        set.TimeZone = snapshot.TimeZone;
        set.Directory = PhoneConfigurations.SerializeDirectory(snapshot.Directory);
        set.ReceivedAt = now;

        var macs = snapshot.Devices.Select(d => d.Mac).ToList();
        var stored = await db.Devices
            .Where(d => d.TenantId == snapshot.TenantId || macs.Contains(d.Mac))
            .ToDictionaryAsync(d => d.Mac, StringComparer.Ordinal, cancellationToken);
        var resyncs = 0;
        foreach (var device in snapshot.Devices)
        {
            var fingerprint = PhoneConfigurations.Fingerprint(device, snapshot);
            if (!stored.Remove(device.Mac, out var row))
            {
                row = new StoredDevice { Mac = device.Mac };
                db.Devices.Add(row);
                Assign(row, snapshot.TenantId, device.LineId, now);
            }
            else if (row.TenantId != snapshot.TenantId || row.LineId != device.LineId)
            {
                Assign(row, snapshot.TenantId, device.LineId, now);
            }
            else if (row.Fingerprint != fingerprint && !snapshot.Suspended
                && PhoneFamilies.Resolve(device.Vendor, device.Model) is { } family)
            {
                db.Enqueue(Guid.NewGuid(), snapshot.TenantId, ResyncRequest(snapshot, device, devices.Renderers.For(family), now), now);
                resyncs++;
            }

            row.Assignment = PhoneConfigurations.Serialize(device);
            row.Fingerprint = fingerprint;
        }

        // What is left was this tenant's and is no longer assigned: its MAC answers 404 from now on.
        db.Devices.RemoveRange(stored.Values.Where(d => d.TenantId == snapshot.TenantId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (resyncs > 0)
        {
            outbox.Notify();
        }

        return resyncs;
    }

    /// <summary>A phone new to this line: a fresh secret, and the first contact still to come.</summary>
    private static void Assign(StoredDevice row, Guid tenantId, Guid lineId, DateTime now)
    {
        row.TenantId = tenantId;
        row.LineId = lineId;
        row.Token = NewToken();
        row.AssignedAt = now;
        row.ClaimedAt = null;
        row.LastProvisionedAt = null;
        row.LastProvisionedFrom = null;
    }

    /// <summary>192 random bits, URL-safe.</summary>
    internal static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private static DeviceResyncRequested ResyncRequest(TenantDevicesChanged snapshot, AssignedDevice device, IPhoneRenderer renderer, DateTime now) => new()
    {
        TenantId = snapshot.TenantId,
        MessageId = Guid.NewGuid(),
        LineId = device.LineId,
        Mac = device.Mac,
        Event = renderer.CheckSyncEvent,
        OccurredAt = now,
    };

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Device snapshot of tenant {TenantId} version {Version} applied: {DeviceCount} phone(s), {ResyncCount} told to resync")]
    private static partial void LogApplied(ILogger logger, Guid tenantId, long version, int deviceCount, int resyncCount);
}
