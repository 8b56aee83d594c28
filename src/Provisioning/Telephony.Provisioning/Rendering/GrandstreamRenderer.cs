using System.Text.RegularExpressions;

namespace Telephony.Provisioning.Rendering;

/// <summary>
/// Grandstream GXP/GRP desk phones, DP DECT bases and HT ATAs: cfg&lt;mac&gt;.xml, a
/// gs_provision document of P-values (Grandstream configuration templates, one per model
/// family); the remote phonebook is an AddressBook XML.
/// </summary>
public sealed partial class GrandstreamRenderer() : PhoneRenderer(PhoneFamily.Grandstream, CheckSync, Files, UserAgent())
{
    /// <summary>Grandstream firmware provisions on NOTIFY "check-sync" and reboots when the new values need it.</summary>
    private const string CheckSync = "check-sync";

    /// <summary>
    /// Multi-purpose keys 1..7 have the P-values P323..P329 (mode) and P301..P321 (account,
    /// description, value, three per key); further keys are not provisioned (docs/provisioning-vendors.md).
    /// </summary>
    private const int MultiPurposeKeys = 7;

    private static readonly PhoneFile[] Files =
    [
        new(PhoneFileKind.Configuration, "cfg", ".xml", "config", TemplateFormat.Xml, PhoneFile.Xml),
        new(PhoneFileKind.Directory, string.Empty, "-directory.xml", "directory", TemplateFormat.Xml, PhoneFile.Xml),
    ];

    /// <summary>"Grandstream Model HW GXP2170 SW 1.0.11.3 DevId 000b82a1b2c3", "Grandstream Model HW HT802 V2.0A SW 1.0.43.11 DevId ...".</summary>
    [GeneratedRegex(@"^Grandstream\s+(Model HW\s+)?[A-Z]+\d+", RegexOptions.CultureInvariant)]
    private static partial Regex UserAgent();

    protected override Dictionary<string, object> VendorValues(PhoneConfiguration configuration)
    {
        var account = configuration.Account;
        var keys = account is null ? [] : configuration.Keys.Where(key => key.Position <= MultiPurposeKeys).ToList();
        var multiPurposeKeys = keys.Select(key => (object)MultiPurposeKey(key.Position, key.Kind == PhoneKeyKind.Supervision ? 1 : 0, key.Label, key.Target))
            .Concat(Enumerable.Range(keys.Count + 1, account is null ? 0 : MultiPurposeKeys - keys.Count).Select(n => (object)MultiPurposeKey(n, -1, string.Empty, string.Empty)))
            .ToList();

        return new Dictionary<string, object>
        {
            // P237 is the server path without its scheme, which P212 gives (0 TFTP, 1 HTTP, 2 HTTPS).
            ["config_server"] = WithoutScheme(configuration.ProvisioningUrl),
            ["config_via"] = configuration.ProvisioningUrl.Scheme == Uri.UriSchemeHttps ? 2 : 1,
            ["firmware_server"] = configuration.FirmwareUrl is null ? false : WithoutScheme(configuration.FirmwareUrl),
            ["directory_path"] = configuration.DirectoryUrl is null ? false : WithoutScheme(configuration.DirectoryUrl),
            // P330, phonebook XML download: 1 HTTP, 3 HTTPS.
            ["directory_via"] = configuration.DirectoryUrl?.Scheme == Uri.UriSchemeHttps ? 3 : 1,
            ["transport"] = account?.Transport.ToLowerInvariant() switch
            {
                "tcp" => 1,
                "tls" => 2,
                _ => 0,
            },
            // P32 counts minutes.
            ["expires_minutes"] = Math.Max(1, (account?.RegistrationExpires ?? 600) / 60),
            ["language"] = configuration.Language is "fr" or "de" ? configuration.Language : "en",
            ["mpk"] = multiPurposeKeys,
        };
    }

    /// <summary>Mode 1 BLF, 0 speed dial, -1 none (the pickup key is a speed dial of *98).</summary>
    private static Dictionary<string, object> MultiPurposeKey(int n, int mode, string label, string value) => new()
    {
        ["mode_p"] = $"P{322 + n}",
        ["account_p"] = $"P{300 + (3 * n) - 2}",
        ["label_p"] = $"P{300 + (3 * n) - 1}",
        ["value_p"] = $"P{300 + (3 * n)}",
        ["mode"] = mode,
        ["label"] = label,
        ["value"] = value,
    };

    private static string WithoutScheme(Uri url) => (url.Authority + url.AbsolutePath).TrimEnd('/');
}
