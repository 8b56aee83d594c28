namespace Telephony.Provisioning.Rendering;

/// <summary>
/// Everything a phone needs, independent of any vendor (wazo-provd's "raw config"): one
/// renderer per vendor family turns it into the files that family's firmware asks for.
/// Texts are plain (renderers escape them for their format); numbers are dial strings.
/// </summary>
public sealed record PhoneConfiguration
{
    /// <summary>12 lowercase hexadecimal digits, no separators.</summary>
    public required string Mac { get; init; }

    public required PhoneModelInfo Model { get; init; }

    /// <summary>
    /// The SIP account; null in a bootstrap file, which only tells the phone where to fetch
    /// its real configuration (<see cref="ProvisioningUrl"/>) and holds no credentials.
    /// </summary>
    public PhoneAccount? Account { get; init; }

    /// <summary>Programmable keys in SPEC order (supervision first, then shortcuts and pickup), positions 1..n.</summary>
    public IReadOnlyList<PhoneKey> Keys { get; init; } = [];

    /// <summary>Two-letter language of the phone's menus: fr, en or de.</summary>
    public required string Language { get; init; }

    /// <summary>IANA time zone, e.g. Europe/Paris.</summary>
    public required string TimeZone { get; init; }

    /// <summary>
    /// L-DISTRING: when on, internal and external calls ring differently. CallControl marks
    /// calls with <see cref="DistinctiveRing.InternalAlertInfo"/> or
    /// <see cref="DistinctiveRing.ExternalAlertInfo"/> (RFC 7462 alert URNs).
    /// </summary>
    public required bool DistinctiveRing { get; init; }

    /// <summary>
    /// Where the phone fetches its files from now on: an https (or lab http) URL ending with
    /// '/' that carries the device's secret token, e.g. https://prov.example.com/d/Xq3.../.
    /// Renderers point the phone's provisioning server setting at it, so later resyncs are
    /// authenticated.
    /// </summary>
    public required Uri ProvisioningUrl { get; init; }

    /// <summary>The company directory in this family's remote phonebook format (D-DIRECTORY); null in a bootstrap file.</summary>
    public Uri? DirectoryUrl { get; init; }

    /// <summary>Firmware to install, when the operator set one for the model.</summary>
    public Uri? FirmwareUrl { get; init; }

    /// <summary>NTP server the phone sets its clock from.</summary>
    public string NtpServer { get; init; } = "pool.ntp.org";
}

/// <summary>The catalogue entry of the phone: vendor and model as the operator named them, and what kind of device it is.</summary>
public sealed record PhoneModelInfo(string Vendor, string Model, PhoneKind Kind);

public enum PhoneKind
{
    DeskPhone,
    DectBase,
    ConferencePhone,
    Ata,
}

/// <summary>The line's SIP account as the phone registers it.</summary>
public sealed record PhoneAccount
{
    /// <summary>Caller name shown on the phone and sent in From, e.g. "Alice Martin".</summary>
    public required string DisplayName { get; init; }

    /// <summary>Short text on the line key / idle screen: the short number, else the public number.</summary>
    public required string Label { get; init; }

    /// <summary>SIP user part (also the digest user name).</summary>
    public required string UserName { get; init; }

    /// <summary>The device's own SIP password (D-SECURE: random, 16+ characters).</summary>
    public required string Password { get; init; }

    /// <summary>The tenant's SIP domain, also the digest realm, e.g. demo.sip.example.com.</summary>
    public required string Domain { get; init; }

    /// <summary>Where the phone sends REGISTER and calls (the SIP edge), host name or address.</summary>
    public required string RegistrarHost { get; init; }

    public required int RegistrarPort { get; init; }

    /// <summary>udp, tcp or tls.</summary>
    public required string Transport { get; init; }

    /// <summary>Seconds between re-registrations the phone asks for.</summary>
    public int RegistrationExpires { get; init; } = 600;

    /// <summary>The number the message-waiting key dials (V-ACCESS).</summary>
    public string VoicemailNumber { get; init; } = "123";

    /// <summary>The line's public number in E.164 form.</summary>
    public required string PublicNumber { get; init; }
}

public enum PhoneKeyKind
{
    /// <summary>BLF: subscribes to the watched line's dialog state; pressed when idle, calls it.</summary>
    Supervision,

    /// <summary>Speed dial: dials <see cref="PhoneKey.Target"/>.</summary>
    SpeedDial,

    /// <summary>Group pickup: dials <see cref="PhoneKey.Target"/> (*98).</summary>
    Pickup,
}

/// <summary>
/// One programmable key. <see cref="Target"/> is what the key dials or watches: for a
/// supervision key the watched line's SIP user (its short number when it has one), for the
/// others a dial string (digits, +, * and #).
/// </summary>
public sealed record PhoneKey(int Position, PhoneKeyKind Kind, string Label, string Target);

/// <summary>L-DISTRING: the Alert-Info values CallControl puts on calls, mapped to ring tones by the phone's configuration.</summary>
public static class DistinctiveRing
{
    /// <summary>RFC 7462 §10.1 (alert category "source").</summary>
    public const string InternalAlertInfo = "<urn:alert:source:internal>";

    public const string ExternalAlertInfo = "<urn:alert:source:external>";
}

/// <summary>The company directory for phones (D-DIRECTORY): lines first, then external contacts, each sorted by name.</summary>
public sealed record PhoneDirectory(IReadOnlyList<PhoneDirectoryEntry> Entries);

/// <summary>One directory entry; <see cref="Number"/> is what the phone dials (the short number for internal lines).</summary>
public sealed record PhoneDirectoryEntry(string Name, string Number, bool Internal);
