using System.Text.RegularExpressions;

namespace Telephony.Provisioning.Rendering;

/// <summary>
/// Snom D-series desk phones and M-series DECT bases: a settings XML per MAC, which Snom
/// firmware asks for with the MAC in uppercase ({mac} in setting_server expands that way);
/// the remote directory is a SnomIPPhoneDirectory.
/// </summary>
public sealed partial class SnomRenderer() : PhoneRenderer(PhoneFamily.Snom, CheckSync, Files, UserAgent())
{
    /// <summary>
    /// Snom phones apply new settings without restarting: "check-sync;reboot=false" reloads them
    /// (Snom service wiki, checksync_action "sync": reload from the provisioning server without a reboot).
    /// </summary>
    private const string CheckSync = "check-sync;reboot=false";

    /// <summary>The D385 has the most function keys of the catalogue's models (48, over pages); a D735 ignores those past its 32.</summary>
    private const int FunctionKeys = 48;

    private static readonly PhoneFile[] Files =
    [
        new(PhoneFileKind.Configuration, string.Empty, ".xml", "config", TemplateFormat.Xml, PhoneFile.Xml) { UpperCaseMac = true },
        new(PhoneFileKind.Directory, string.Empty, "-directory.xml", "directory", TemplateFormat.Xml, PhoneFile.Xml),
    ];

    /// <summary>"Mozilla/4.0 (compatible; snom D735 10.1.73.16)", "...; snomD385-SIP 10.1.54.13 ...", "snom M900 ...".</summary>
    [GeneratedRegex(@"\bsnom[ -]?[A-Z]*\d{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserAgent();

    protected override Dictionary<string, object> VendorValues(PhoneConfiguration configuration)
    {
        var account = configuration.Account;
        var keys = account is null ? [] : configuration.Keys;

        // Function key values (Snom wiki, "fkey"): "blf <sip:...>" watches a line and picks up
        // its ringing call, "speed <number>" dials. Keys count from 0.
        var functionKeys = keys.Select(key => (object)new Dictionary<string, object>
        {
            ["idx"] = key.Position - 1,
            ["label"] = key.Label,
            ["value"] = key.Kind == PhoneKeyKind.Supervision
                ? $"blf <{PhoneTemplateModel.SipUri(key.Target, account!)}>"
                : $"speed {key.Target}",
        }).ToList();

        return new Dictionary<string, object>
        {
            ["setting_server"] = configuration.ProvisioningUrl.AbsoluteUri + "{mac}.xml",
            ["language"] = configuration.Language switch
            {
                "fr" => "Francais",
                "de" => "Deutsch",
                _ => "English",
            },
            ["fkeys"] = functionKeys,
            ["cleared_fkeys"] = account is null
                ? new List<object>()
                : Enumerable.Range(keys.Count, Math.Max(0, FunctionKeys - keys.Count)).Cast<object>().ToList(),
        };
    }
}
