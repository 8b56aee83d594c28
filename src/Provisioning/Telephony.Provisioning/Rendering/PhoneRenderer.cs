using System.Text;
using System.Text.RegularExpressions;

namespace Telephony.Provisioning.Rendering;

/// <summary>
/// What the family renderers share: one table of the files the family's firmware asks for
/// (name, template, format), its User-Agent pattern, and rendering through the Liquid template
/// chosen for the device's model (<see cref="PhoneTemplates"/>) into a string first, so a
/// failure throws and leaves no half file behind.
/// </summary>
public abstract class PhoneRenderer : IPhoneRenderer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IReadOnlyList<PhoneFile> _files;
    private readonly Regex _userAgent;

    protected PhoneRenderer(PhoneFamily family, string checkSyncEvent, IReadOnlyList<PhoneFile> files, Regex userAgent)
    {
        Family = family;
        CheckSyncEvent = checkSyncEvent;
        _files = files;
        _userAgent = userAgent;
    }

    public PhoneFamily Family { get; }

    public string CheckSyncEvent { get; }

    public bool TryParseFileName(string fileName, out string mac, out PhoneFileKind kind)
    {
        foreach (var file in _files)
        {
            if (file.TryParse(fileName, out mac))
            {
                kind = file.Kind;
                return true;
            }
        }

        mac = string.Empty;
        kind = default;
        return false;
    }

    public string FileNameFor(PhoneFileKind kind, string mac) => File(kind).NameFor(mac);

    public bool Serves(PhoneFileKind kind) => _files.Any(file => file.Kind == kind);

    public bool MatchesUserAgent(string userAgent) => _userAgent.IsMatch(userAgent);

    public RenderedFile Render(PhoneFileKind kind, PhoneConfiguration configuration, PhoneDirectory directory)
    {
        var file = File(kind);
        var model = PhoneTemplateModel.Create(configuration, directory);
        model["v"] = VendorValues(configuration);
        var text = PhoneTemplates.Render(Family, file.Template, configuration.Model, file.Format, model);
        return new RenderedFile(Utf8.GetBytes(text), file.ContentType);
    }

    /// <summary>The family's own values (codes, key layouts), available to its templates as <c>v</c>.</summary>
    protected virtual Dictionary<string, object> VendorValues(PhoneConfiguration configuration) => [];

    private PhoneFile File(PhoneFileKind kind) =>
        _files.FirstOrDefault(file => file.Kind == kind) ?? throw new NotSupportedException($"{Family} phones ask for no {kind} file.");
}

/// <summary>
/// A file a family's firmware asks for, named <see cref="Prefix"/>, the MAC as 12 hex digits,
/// <see cref="Suffix"/>, and rendered from the family's <see cref="Template"/>. Any other name
/// (other lengths, separators, "../") never matches, and neither does the all-zero MAC that
/// names vendors' shared files (Polycom's 000000000000.cfg).
/// </summary>
public sealed record PhoneFile(PhoneFileKind Kind, string Prefix, string Suffix, string Template, TemplateFormat Format, string ContentType)
{
    public const string Xml = "application/xml; charset=utf-8";
    public const string TextXml = "text/xml; charset=utf-8";
    public const string PlainText = "text/plain; charset=utf-8";

    /// <summary>The case of the MAC in <see cref="NameFor"/>; parsing accepts both.</summary>
    public bool UpperCaseMac { get; init; }

    public bool TryParse(string fileName, out string mac)
    {
        mac = string.Empty;
        if (fileName.Length != Prefix.Length + 12 + Suffix.Length
            || !fileName.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || !fileName.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return PhoneMac.TryNormalize(fileName.AsSpan(Prefix.Length, 12), out mac);
    }

    public string NameFor(string mac) => Prefix + (UpperCaseMac ? mac.ToUpperInvariant() : mac) + Suffix;
}

internal static class PhoneMac
{
    /// <summary>12 hexadecimal digits in any case, as lowercase; false for the all-zero and broadcast addresses.</summary>
    public static bool TryNormalize(ReadOnlySpan<char> text, out string mac)
    {
        mac = string.Empty;
        if (text.Length != 12 || !text.ContainsOnlyHex() || !text.ContainsAnyExcept('0') || text.Equals("ffffffffffff", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<char> lower = stackalloc char[12];
        text.ToLowerInvariant(lower);
        mac = new string(lower);
        return true;
    }

    private static bool ContainsOnlyHex(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
