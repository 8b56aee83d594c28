using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telephony.Provisioning.Persistence;
using Telephony.Provisioning.Rendering;
using Telephony.Sip.Authentication;

namespace Telephony.Provisioning.Devices;

/// <summary>
/// Every servable phone in memory, by MAC and by token, so a configuration request never
/// touches the store. Rebuilt per tenant from the store after each device snapshot; readers
/// never lock, writers take one lock. A suspended tenant's phones, and phones of a model no
/// renderer knows, are not servable (their MAC answers 404).
/// </summary>
public sealed partial class ProvisionedDevices(PhoneRenderers renderers, IOptions<ProvisioningOptions> options, ILogger<ProvisionedDevices> logger)
{
    private readonly ConcurrentDictionary<string, DeviceEntry> _byMac = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DeviceEntry> _byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, long> _versions = new();
    private readonly Lock _writer = new();

    public PhoneRenderers Renderers { get; } = renderers;

    public int Count => _byMac.Count;

    public DeviceEntry? ByMac(string mac) => _byMac.GetValueOrDefault(mac);

    public DeviceEntry? ByToken(string token) => _byToken.GetValueOrDefault(token);

    /// <summary>Tenant id → version of the device snapshot held, for asking the Portal what is missing.</summary>
    public IReadOnlyDictionary<Guid, long> KnownVersions() => new Dictionary<Guid, long>(_versions);

    public async Task LoadAllAsync(ProvisioningDbContext db, CancellationToken cancellationToken)
    {
        var tenants = await db.TenantDeviceSets.AsNoTracking().ToListAsync(cancellationToken);
        var devices = (await db.Devices.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(d => d.TenantId);
        foreach (var tenant in tenants)
        {
            Replace(tenant, [.. devices[tenant.TenantId]]);
        }
    }

    public async Task ReloadTenantAsync(ProvisioningDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        var tenant = await db.TenantDeviceSets.AsNoTracking().SingleOrDefaultAsync(t => t.TenantId == tenantId, cancellationToken);
        var devices = await db.Devices.AsNoTracking().Where(d => d.TenantId == tenantId).ToListAsync(cancellationToken);
        if (tenant is not null)
        {
            Replace(tenant, devices);
        }
    }

    /// <summary>Installs a tenant's phones; phones of the tenant not in <paramref name="devices"/> stop being served.</summary>
    public void Replace(TenantDeviceSet tenant, IReadOnlyList<StoredDevice> devices)
    {
        var directory = PhoneConfigurations.Directory(PhoneConfigurations.DeserializeDirectory(tenant.Directory));
        var entries = tenant.Suspended ? [] : devices.Select(d => Entry(tenant, d, directory)).OfType<DeviceEntry>().ToList();
        lock (_writer)
        {
            foreach (var stale in _byMac.Values.Where(e => e.TenantId == tenant.TenantId && entries.All(n => n.Mac != e.Mac)).ToList())
            {
                Remove(stale);
            }

            foreach (var entry in entries)
            {
                if (_byMac.TryGetValue(entry.Mac, out var previous))
                {
                    Remove(previous);
                }

                _byMac[entry.Mac] = entry;
                _byToken[entry.Token] = entry;
            }

            _versions[tenant.TenantId] = tenant.Version;
        }
    }

    private void Remove(DeviceEntry entry)
    {
        _byMac.TryRemove(new KeyValuePair<string, DeviceEntry>(entry.Mac, entry));
        _byToken.TryRemove(new KeyValuePair<string, DeviceEntry>(entry.Token, entry));
    }

    private DeviceEntry? Entry(TenantDeviceSet tenant, StoredDevice device, PhoneDirectory directory)
    {
        var assignment = PhoneConfigurations.Deserialize(device.Assignment);
        if (PhoneFamilies.Resolve(assignment.Vendor, assignment.Model) is not { } family)
        {
            LogUnsupportedModel(logger, assignment.Vendor, assignment.Model, tenant.TenantId);
            return null;
        }

        var renderer = Renderers.For(family);
        var configuration = PhoneConfigurations.Build(assignment, tenant, device.Token, renderer, options.Value);
        return new DeviceEntry(
            tenant.TenantId,
            device.LineId,
            device.Mac,
            device.Token,
            renderer,
            configuration,
            PhoneConfigurations.Bootstrap(configuration),
            directory,
            DigestAuthenticator.SecretFor(device.Mac, options.Value.Realm, device.Token),
            device.ClaimedAt is not null);
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "No renderer for the phone model {Vendor} {Model} (tenant {TenantId}): its phones get no configuration")]
    private static partial void LogUnsupportedModel(ILogger logger, string vendor, string model, Guid tenantId);
}
