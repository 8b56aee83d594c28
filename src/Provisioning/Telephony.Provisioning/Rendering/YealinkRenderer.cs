using System.Text.RegularExpressions;

namespace Telephony.Provisioning.Rendering;

/// <summary>
/// Yealink T4x/T5x desk phones, W-series DECT bases and CP conference phones: one
/// "#!version:1.0.0.1" key=value file per MAC (Yealink auto provisioning guide, "MAC-Oriented
/// CFG File") and the remote phonebook XML.
/// </summary>
public sealed partial class YealinkRenderer() : PhoneRenderer(PhoneFamily.Yealink, CheckSync, Files, UserAgent())
{
    /// <summary>
    /// A NOTIFY "check-sync" makes Yealink phones provision; "reboot=true" reboots them too, which
    /// static.* settings (provisioning URL, firmware) need (Yealink admin guide, "Rebooting Issues":
    /// sip.notify_reboot_enable, default 1, forces the reboot anyway).
    /// </summary>
    private const string CheckSync = "check-sync;reboot=true";

    /// <summary>linekey.1 is the line itself; T57W has the most line keys (29, over pages).</summary>
    private const int LastLineKey = 29;

    private static readonly PhoneFile[] Files =
    [
        new(PhoneFileKind.Configuration, string.Empty, ".cfg", "config", TemplateFormat.KeyValue, PhoneFile.PlainText),
        new(PhoneFileKind.Directory, string.Empty, "-directory.xml", "directory", TemplateFormat.Xml, PhoneFile.Xml),
    ];

    /// <summary>"Yealink SIP-T46U 108.86.0.20 00:15:65:a1:b2:c3", "Yealink W60B 77.85.0.25 ...", "Yealink SIP CP965 ...".</summary>
    [GeneratedRegex(@"^Yealink\s+(SIP[\s-])?[A-Z]+\d+", RegexOptions.CultureInvariant)]
    private static partial Regex UserAgent();

    protected override Dictionary<string, object> VendorValues(PhoneConfiguration configuration)
    {
        var lineKeys = new List<object>();
        var expansionKeys = new List<object>();
        foreach (var key in configuration.Account is null ? [] : configuration.Keys)
        {
            // DSS key types (Yealink admin guide, "Line Keys"): 16 BLF, 13 speed dial; the
            // pickup key is a speed dial of the pickup code (*98), as SPEC L-KEYS defines it.
            var values = new Dictionary<string, object>
            {
                ["type"] = key.Kind == PhoneKeyKind.Supervision ? 16 : 13,
                ["value"] = key.Target,
                ["label"] = key.Label,
            };
            var lineKey = key.Position + 1;
            values["index"] = lineKey <= LastLineKey ? lineKey : lineKey - LastLineKey;
            (lineKey <= LastLineKey ? lineKeys : expansionKeys).Add(values);
        }

        var firstFree = configuration.Account is null ? LastLineKey + 1 : lineKeys.Count + 2;
        return new Dictionary<string, object>
        {
            ["transport"] = configuration.Account?.Transport.ToLowerInvariant() switch
            {
                "tcp" => 1,
                "tls" => 2,
                _ => 0,
            },
            ["line_keys"] = lineKeys,
            ["expansion_keys"] = expansionKeys,
            ["cleared_line_keys"] = Enumerable.Range(firstFree, Math.Max(0, LastLineKey - firstFree + 1)).Cast<object>().ToList(),
        };
    }
}
