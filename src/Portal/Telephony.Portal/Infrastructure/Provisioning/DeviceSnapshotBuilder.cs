using Microsoft.EntityFrameworkCore;
using Telephony.Contracts.Devices;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Infrastructure.Provisioning;

/// <summary>
/// Builds a tenant's device snapshot (every assigned phone with its line identity, SIP
/// credentials and keys, and the company directory) for Provisioning, which never reads the
/// Portal's tables.
/// </summary>
internal static class DeviceSnapshotBuilder
{
    public static async Task<TenantDevicesChanged> BuildAsync(PortalDbContext db, Guid tenantId, long version, DateTime now, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);

        // Explicitly scoped: operator actions, which have no ambient tenant, stage snapshots too.
        var lines = await db.Lines.IgnoreQueryFilters([TenantModelExtensions.FilterName])
            .AsNoTracking()
            .Where(l => l.TenantId == tenantId)
            .ToListAsync(cancellationToken);
        var models = await db.PhoneModels.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);
        var contacts = await db.DirectoryContacts.IgnoreQueryFilters([TenantModelExtensions.FilterName])
            .AsNoTracking()
            .Where(c => c.TenantId == tenantId)
            .ToListAsync(cancellationToken);
        var byId = lines.ToDictionary(l => l.Id);

        var devices = lines
            .Where(l => l.Mac is not null && l.PhoneModelId is { } modelId && models.ContainsKey(modelId) && l.SipUsername is not null && l.SipPassword is not null)
            .OrderBy(l => l.Mac, StringComparer.Ordinal)
            .Select(l =>
            {
                var model = models[l.PhoneModelId!.Value];
                return new AssignedDevice
                {
                    LineId = l.Id,
                    Mac = l.Mac!,
                    Vendor = model.Vendor,
                    Model = model.Model,
                    Kind = model.Kind.ToString(),
                    DisplayName = l.DisplayName,
                    PublicNumber = l.PublicNumber,
                    ShortNumber = l.ShortNumber,
                    SipUsername = l.SipUsername!,
                    SipPassword = l.SipPassword!,
                    DistinctiveRing = l.Services.Incoming.DistinctiveRing,
                    Keys = l.Services.Keys.Select(k => Key(k, byId)).OfType<DeviceKey>().ToList(),
                };
            })
            .ToList();

        var directory = lines
            .Where(l => l.Kind != LineKind.Mobile || l.ShortNumber is not null)
            .Where(l => !string.IsNullOrWhiteSpace(l.DisplayName))
            .OrderBy(l => l.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(l => new DirectoryListing(l.DisplayName, Dialled(l), Internal: true))
            .Concat(contacts
                .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(c => new DirectoryListing(c.Name, c.ShortNumber ?? c.Number, Internal: false)))
            .ToList();

        return new TenantDevicesChanged
        {
            TenantId = tenantId,
            MessageId = Guid.NewGuid(),
            Version = version,
            Suspended = tenant.Status == Domain.Tenants.TenantStatus.Suspended,
            SipDomain = tenant.SipDomain,
            Language = tenant.Language,
            TimeZone = tenant.TimeZone,
            Devices = devices,
            Directory = directory,
            OccurredAt = now,
        };
    }

    /// <summary>What a phone of the company dials to reach a line: its short number when it has one.</summary>
    private static string Dialled(Line line) => line.ShortNumber ?? line.PublicNumber;

    /// <summary>A supervision key whose watched line is gone is left out (the line's deletion already removed it from the keys).</summary>
    private static DeviceKey? Key(ProgrammableKey key, Dictionary<Guid, Line> lines) => key.Kind switch
    {
        KeyKind.Supervision when key.LineId is { } watched && lines.TryGetValue(watched, out var line) =>
            new DeviceKey(nameof(KeyKind.Supervision), string.IsNullOrWhiteSpace(key.Label) ? line.DisplayName : key.Label, Dialled(line)),
        KeyKind.Shortcut => new DeviceKey(nameof(KeyKind.Shortcut), key.Label ?? "", KeyLayout.CompactNumber(key.Number)),
        KeyKind.Pickup => new DeviceKey(nameof(KeyKind.Pickup), ProgrammableKey.PickupLabel, ProgrammableKey.PickupCode),
        _ => null,
    };
}
