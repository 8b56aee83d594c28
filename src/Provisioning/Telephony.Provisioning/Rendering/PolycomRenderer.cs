using System.Text.RegularExpressions;

namespace Telephony.Provisioning.Rendering;

/// <summary>
/// Poly/Polycom UC software (VVX, Edge E, Trio, SoundStation IP): the master file
/// &lt;mac&gt;.cfg lists &lt;mac&gt;-phone.cfg, both XML (Polycom UC Software administrator's
/// guide, "Master Configuration File"); the local contact directory is &lt;mac&gt;-directory.xml.
/// </summary>
public sealed partial class PolycomRenderer() : PhoneRenderer(PhoneFamily.Polycom, CheckSync, Files, UserAgent())
{
    /// <summary>
    /// Polycom phones provision on NOTIFY "check-sync" and restart only when a file changed,
    /// which the phone file sets with voIpProt.SIP.specialEvent.checkSync.alwaysReboot="0".
    /// </summary>
    private const string CheckSync = "check-sync";

    private static readonly PhoneFile[] Files =
    [
        new(PhoneFileKind.Master, string.Empty, ".cfg", "master", TemplateFormat.Xml, PhoneFile.Xml),
        new(PhoneFileKind.Configuration, string.Empty, "-phone.cfg", "phone", TemplateFormat.Xml, PhoneFile.Xml),
        new(PhoneFileKind.Directory, string.Empty, "-directory.xml", "directory", TemplateFormat.Xml, PhoneFile.Xml),
    ];

    /// <summary>"FileTransport PolycomVVX-VVX_450-UA/6.4.3.5018", "PolycomRealPresenceTrio-Trio_8800-UA/...", "PolyEdge-Edge_E450-UA/...".</summary>
    [GeneratedRegex(@"\bPoly(com)?[A-Za-z]*-[A-Za-z0-9_]+-UA/\d", RegexOptions.CultureInvariant)]
    private static partial Regex UserAgent();

    protected override Dictionary<string, object> VendorValues(PhoneConfiguration configuration)
    {
        // L-KEYS: lineKey.1 stays the line; supervision keys are attendant resources (BLF),
        // shortcuts are enhanced feature keys whose action dials the target ($Tinvite$).
        var blf = new List<object>();
        var efk = new List<object>();
        var lineKeys = new List<object>();
        foreach (var key in configuration.Account is null ? [] : configuration.Keys)
        {
            var supervision = key.Kind == PhoneKeyKind.Supervision;
            var list = supervision ? blf : efk;
            list.Add(new Dictionary<string, object>
            {
                ["index"] = list.Count + 1,
                ["target"] = key.Target,
                ["label"] = key.Label,
            });
            lineKeys.Add(new Dictionary<string, object>
            {
                ["index"] = key.Position + 1,
                ["category"] = supervision ? "BLF" : "EFK",
                ["ref"] = list.Count,
            });
        }

        return new Dictionary<string, object>
        {
            ["transport"] = configuration.Account?.Transport.ToLowerInvariant() switch
            {
                "tcp" => "TCPOnly",
                "tls" => "TLS",
                _ => "UDPOnly",
            },
            ["language"] = configuration.Language switch
            {
                "fr" => "French_France",
                "de" => "German_Germany",
                _ => "English_United_Kingdom",
            },
            ["server_type"] = configuration.ProvisioningUrl.Scheme == Uri.UriSchemeHttps ? "HTTPS" : "HTTP",
            ["blf"] = blf,
            ["efk"] = efk,
            ["line_keys"] = lineKeys,
        };
    }
}
