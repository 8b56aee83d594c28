using System.Text.RegularExpressions;

namespace Telephony.Provisioning.Rendering;

/// <summary>
/// AudioCodes MP-20x analog telephone adapters: a configuration file of "path=value" lines
/// (voip/line/0/... for FXS port 1). An ATA has no keys, menus or phonebook, so this family
/// has no directory file: asking for one throws <see cref="NotSupportedException"/>.
/// </summary>
public sealed partial class AudioCodesRenderer() : PhoneRenderer(PhoneFamily.AudioCodes, CheckSync, Files, UserAgent())
{
    /// <summary>
    /// AudioCodes' own value: a NOTIFY "check-sync;reboot=false" starts the device's automatic
    /// update, which restarts it when the file changed (AudioCodes MP-11x/MP-124 user's manual,
    /// "Remotely Triggering Auto Update using SIP NOTIFY").
    /// </summary>
    private const string CheckSync = "check-sync;reboot=false";

    private static readonly PhoneFile[] Files =
    [
        new(PhoneFileKind.Configuration, string.Empty, ".cfg", "config", TemplateFormat.KeyValue, PhoneFile.PlainText),
    ];

    /// <summary>"Mozilla/4.0 (compatible; AudioCodes; MP-202B;4.4.9;00908f4a1b2c;)", "AudioCodes-Sip-Gateway-MP-202B/v.4.4.9".</summary>
    [GeneratedRegex(@"\bAudioCodes\b|\bMP-?20[24]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserAgent();

    protected override Dictionary<string, object> VendorValues(PhoneConfiguration configuration) => new()
    {
        ["configuration_url"] = configuration.ProvisioningUrl.AbsoluteUri + Files[0].NameFor(configuration.Mac),
    };
}
