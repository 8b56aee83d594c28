using System.Text.RegularExpressions;

namespace Telephony.Provisioning.Rendering;

/// <summary>
/// Cisco SPA and MPP (3PCC) phones: a flat-profile XML per MAC, fetched again through the
/// Profile_Rule it sets ($MA expands to the lowercase MAC: Cisco Small Business IP Telephony
/// Devices Provisioning Guide, "Profile Rules" and "Macro Expansion Variables").
/// </summary>
public sealed partial class CiscoRenderer() : PhoneRenderer(PhoneFamily.Cisco, CheckSync, Files, UserAgent())
{
    /// <summary>
    /// With Resync_From_SIP the phone resyncs on a NOTIFY "resync", and reboots by itself when
    /// the new profile changed a parameter that needs it (Provisioning Guide, "Triggers").
    /// </summary>
    private const string CheckSync = "resync";

    /// <summary>Line key 1 is the line; the 8851 has 5 line keys (the SPA504G 4), more go to the key expansion module.</summary>
    private const int LastLineKey = 5;

    private static readonly PhoneFile[] Files =
    [
        // Cisco phones take XML objects only as text/xml (Cisco IP Phone Services guide).
        new(PhoneFileKind.Configuration, string.Empty, ".xml", "config", TemplateFormat.Xml, PhoneFile.TextXml),
        new(PhoneFileKind.Directory, string.Empty, "-directory.xml", "directory", TemplateFormat.Xml, PhoneFile.TextXml),
    ];

    /// <summary>"Cisco-CP8851-3PCC/11.3.7 (00562b043615)", "Cisco/SPA504G-7.6.2c (e05fb9a1b2c3)(CCQ1...)", older "Linksys/SPA942-6.1.5".</summary>
    [GeneratedRegex(@"^(Cisco|Linksys)[/-](SPA|CP)-?\d", RegexOptions.CultureInvariant)]
    private static partial Regex UserAgent();

    protected override Dictionary<string, object> VendorValues(PhoneConfiguration configuration)
    {
        var account = configuration.Account;
        var lineKeys = new List<object>();
        var expansionKeys = new List<object>();
        foreach (var key in account is null ? [] : configuration.Keys)
        {
            // Extended functions (MPP administration guide, "Line Keys"): a BLF key that also
            // speed dials and picks up (blf+sd+cp), a speed dial through the line's proxy.
            var label = key.Label.Replace(";", string.Empty, StringComparison.Ordinal);
            var function = key.Kind == PhoneKeyKind.Supervision
                ? $"fnc=blf+sd+cp;sub={key.Target}@{account!.Domain};nme={label}"
                : $"fnc=sd;ext={key.Target}@$PROXY;nme={label}";
            var lineKey = key.Position + 1;
            (lineKey <= LastLineKey ? lineKeys : expansionKeys).Add(new Dictionary<string, object>
            {
                ["index"] = lineKey <= LastLineKey ? lineKey : lineKey - LastLineKey,
                ["label"] = label,
                ["function"] = function,
            });
        }

        var firstFree = account is null ? LastLineKey + 1 : lineKeys.Count + 2;
        return new Dictionary<string, object>
        {
            ["profile_rule"] = configuration.ProvisioningUrl.AbsoluteUri + "$MA.xml",
            ["transport"] = account?.Transport.ToUpperInvariant() switch
            {
                "TCP" => "TCP",
                "TLS" => "TLS",
                _ => "UDP",
            },
            ["locale"] = configuration.Language switch
            {
                "fr" => "fr-FR",
                "de" => "de-DE",
                _ => "en-GB",
            },
            ["line_keys"] = lineKeys,
            ["cleared_line_keys"] = Enumerable.Range(firstFree, Math.Max(0, LastLineKey - firstFree + 1)).Cast<object>().ToList(),
            ["expansion_keys"] = expansionKeys,
        };
    }
}
