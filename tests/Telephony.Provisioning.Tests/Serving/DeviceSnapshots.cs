using Telephony.Contracts.Devices;

namespace Telephony.Provisioning.Tests.Serving;

/// <summary>Device snapshots as the Portal publishes them.</summary>
public static class DeviceSnapshots
{
    public const string YealinkUserAgent = "Yealink SIP-T46U 108.86.0.20 80:5e:c0:00:00:01";

    public static TenantDevicesChanged Tenant(Guid tenantId, long version, params AssignedDevice[] devices) => new()
    {
        TenantId = tenantId,
        MessageId = Guid.NewGuid(),
        Version = version,
        Suspended = false,
        SipDomain = $"t{tenantId.ToString("N")[..8]}.sip.example.com",
        Language = "fr",
        TimeZone = "Europe/Paris",
        Devices = devices,
        Directory = [new DirectoryListing("Alice Martin", "201", Internal: true), new DirectoryListing("Plumber", "+33140000000", Internal: false)],
        OccurredAt = new DateTime(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc),
    };

    public static AssignedDevice Yealink(string mac, string shortNumber = "201", params DeviceKey[] keys) => new()
    {
        LineId = Guid.NewGuid(),
        Mac = mac,
        Vendor = "Yealink",
        Model = "T46U",
        Kind = "DeskPhone",
        DisplayName = "Alice Martin",
        PublicNumber = "+33199000" + shortNumber,
        ShortNumber = shortNumber,
        SipUsername = "33199000" + shortNumber,
        SipPassword = "Sip-Password-" + mac,
        DistinctiveRing = false,
        Keys = keys,
    };
}
