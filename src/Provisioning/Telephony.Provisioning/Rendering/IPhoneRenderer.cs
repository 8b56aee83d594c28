namespace Telephony.Provisioning.Rendering;

/// <summary>
/// One vendor family's formats (wazo-provd's plugin): which file names its firmware asks for,
/// how a configuration and the directory look in them, and how it is told to resync.
/// </summary>
public interface IPhoneRenderer
{
    PhoneFamily Family { get; }

    /// <summary>
    /// The MAC and kind of file a request path's last segment names for this family, e.g.
    /// "001565a1b2c3.cfg" for Yealink; false for names this family never asks for. MACs are
    /// matched case-insensitively and returned as 12 lowercase hex digits.
    /// </summary>
    bool TryParseFileName(string fileName, out string mac, out PhoneFileKind kind);

    /// <summary>
    /// The inverse of <see cref="TryParseFileName"/>: the name of the file of <paramref name="kind"/>
    /// this family asks for (e.g. to build <see cref="PhoneConfiguration.DirectoryUrl"/> from
    /// <see cref="PhoneConfiguration.ProvisioningUrl"/>); <see cref="NotSupportedException"/> for a
    /// kind the family never asks for.
    /// </summary>
    string FileNameFor(PhoneFileKind kind, string mac);

    /// <summary>Whether this family asks for a file of <paramref name="kind"/> at all (an ATA has no directory).</summary>
    bool Serves(PhoneFileKind kind);

    /// <summary>True when the User-Agent of an HTTP request is this family's firmware (e.g. "Yealink SIP-T46U 108.86.0.20 00:15:65:a1:b2:c3").</summary>
    bool MatchesUserAgent(string userAgent);

    /// <summary>
    /// The file of <paramref name="kind"/> for a device, whole or not at all (never half
    /// rendered). A bootstrap configuration has no <see cref="PhoneConfiguration.Account"/>.
    /// </summary>
    RenderedFile Render(PhoneFileKind kind, PhoneConfiguration configuration, PhoneDirectory directory);

    /// <summary>The Event header value of the NOTIFY that makes this family fetch its configuration again (D-RESYNC), e.g. "check-sync;reboot=true".</summary>
    string CheckSyncEvent { get; }
}

public enum PhoneFileKind
{
    /// <summary>The device's configuration (for Polycom, the per-phone file the master file lists).</summary>
    Configuration,

    /// <summary>A file that only lists other files (Polycom's &lt;mac&gt;.cfg master file).</summary>
    Master,

    /// <summary>The company directory in the family's remote phonebook format.</summary>
    Directory,
}

/// <summary>A rendered file: its bytes and the media type to serve them with.</summary>
public sealed record RenderedFile(byte[] Content, string ContentType);
