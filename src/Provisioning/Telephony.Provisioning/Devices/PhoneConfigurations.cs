using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Telephony.Contracts.Devices;
using Telephony.Provisioning.Rendering;

namespace Telephony.Provisioning.Devices;

/// <summary>Turns the Portal's assignment of a phone into the vendor-neutral configuration its renderer needs.</summary>
public static class PhoneConfigurations
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The device's URL prefix: every file it fetches with its token lives under it.</summary>
    public static Uri DeviceUrl(Uri publicUrl, string token) => new(publicUrl, $"/d/{token}/");

    public static PhoneConfiguration Build(AssignedDevice device, TenantDeviceSet tenant, string token, IPhoneRenderer renderer, ProvisioningOptions options)
    {
        var (host, port) = options.SipServerEndpoint();
        var provisioningUrl = DeviceUrl(options.PublicUrl, token);
        return new PhoneConfiguration
        {
            Mac = device.Mac,
            Model = new PhoneModelInfo(device.Vendor, device.Model, Enum.TryParse<PhoneKind>(device.Kind, out var kind) ? kind : PhoneKind.DeskPhone),
            Account = new PhoneAccount
            {
                DisplayName = device.DisplayName,
                Label = device.ShortNumber ?? device.PublicNumber,
                UserName = device.SipUsername,
                Password = device.SipPassword,
                Domain = tenant.SipDomain,
                RegistrarHost = host,
                RegistrarPort = port,
                Transport = options.SipTransport,
                PublicNumber = device.PublicNumber,
            },
            Keys = device.Keys.Select((k, i) => new PhoneKey(i + 1, KeyKind(k.Kind), k.Label, k.Target)).ToList(),
            Language = tenant.Language,
            TimeZone = tenant.TimeZone,
            DistinctiveRing = device.DistinctiveRing,
            ProvisioningUrl = provisioningUrl,
            DirectoryUrl = renderer.Serves(PhoneFileKind.Directory) ? new Uri(provisioningUrl, renderer.FileNameFor(PhoneFileKind.Directory, device.Mac)) : null,
        };
    }

    /// <summary>What a phone may fetch without credentials: where to fetch the rest, nothing else.</summary>
    public static PhoneConfiguration Bootstrap(PhoneConfiguration configuration) =>
        configuration with { Account = null, Keys = [], DirectoryUrl = null };

    public static PhoneDirectory Directory(IReadOnlyList<DirectoryListing> listings) =>
        new(listings.Select(l => new PhoneDirectoryEntry(l.Name, l.Number, l.Internal)).ToList());

    /// <summary>
    /// A digest of everything the phone's configuration is made of: when it changes, the phone
    /// is told to resync (D-RESYNC). The directory is left out: phones fetch it when shown.
    /// </summary>
    public static string Fingerprint(AssignedDevice device, TenantDevicesChanged tenant)
    {
        var text = JsonSerializer.Serialize(new { device, tenant.SipDomain, tenant.Language, tenant.TimeZone }, Json);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string Serialize(AssignedDevice device) => JsonSerializer.Serialize(device, Json);

    public static AssignedDevice Deserialize(string json) => JsonSerializer.Deserialize<AssignedDevice>(json, Json)!;

    public static string SerializeDirectory(IReadOnlyList<DirectoryListing> listings) => JsonSerializer.Serialize(listings, Json);

    public static IReadOnlyList<DirectoryListing> DeserializeDirectory(string json) => JsonSerializer.Deserialize<List<DirectoryListing>>(json, Json) ?? [];

    private static PhoneKeyKind KeyKind(string kind) => kind switch
    {
        "Supervision" => PhoneKeyKind.Supervision,
        "Pickup" => PhoneKeyKind.Pickup,
        _ => PhoneKeyKind.SpeedDial,
    };
}
