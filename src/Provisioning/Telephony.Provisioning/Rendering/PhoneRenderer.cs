using System.Text;

namespace Telephony.Provisioning.Rendering;

/// <summary>
/// What the family renderers share: file names parsed from one table, and rendering through a
/// Liquid template chosen for the device's model (<see cref="PhoneTemplates"/>) into a string
/// first, so a failure throws and leaves no half file behind.
/// </summary>
public abstract class PhoneRenderer : IPhoneRenderer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IReadOnlyList<PhoneFileName> _fileNames;

    protected PhoneRenderer(PhoneFamily family, string checkSyncEvent, IReadOnlyList<PhoneFileName> fileNames)
    {
        Family = family;
        CheckSyncEvent = checkSyncEvent;
        _fileNames = fileNames;
    }

    public PhoneFamily Family { get; }

    public string CheckSyncEvent { get; }

    public bool TryParseFileName(string fileName, out string mac, out PhoneFileKind kind)
    {
        foreach (var name in _fileNames)
        {
            if (name.TryParse(fileName, out mac))
            {
                kind = name.Kind;
                return true;
            }
        }

        mac = string.Empty;
        kind = default;
        return false;
    }

    public string FileNameFor(PhoneFileKind kind, string mac)
    {
        foreach (var name in _fileNames)
        {
            if (name.Kind == kind)
            {
                return name.Format(mac);
            }
        }

        throw new NotSupportedException($"{Family} phones ask for no {kind} file.");
    }

    public abstract bool MatchesUserAgent(string userAgent);

    public RenderedFile Render(PhoneFileKind kind, PhoneConfiguration configuration, PhoneDirectory directory)
    {
        var template = TemplateFor(kind);
        var model = PhoneTemplateModel.Create(configuration, directory);
        model["v"] = VendorValues(configuration);
        var text = PhoneTemplates.Render(Family, template.Name, configuration.Model, template.Format, model);
        return new RenderedFile(Utf8.GetBytes(text), template.ContentType);
    }

    /// <summary>The template and media type of a kind of file; <see cref="NotSupportedException"/> for a kind the family does not have.</summary>
    protected abstract PhoneTemplate TemplateFor(PhoneFileKind kind);

    /// <summary>The family's own values (codes, key layouts), available to its templates as <c>v</c>.</summary>
    protected virtual Dictionary<string, object> VendorValues(PhoneConfiguration configuration) => [];

    protected NotSupportedException NoFile(PhoneFileKind kind) => new($"{Family} phones ask for no {kind} file.");
}

/// <summary>A template of a family (its name without the model suffix), the escaping its format needs and the media type of the result.</summary>
public sealed record PhoneTemplate(string Name, TemplateFormat Format, string ContentType)
{
    public const string Xml = "application/xml; charset=utf-8";
    public const string TextXml = "text/xml; charset=utf-8";
    public const string PlainText = "text/plain; charset=utf-8";
}

/// <summary>
/// A file name a family's firmware asks for: <see cref="Prefix"/>, the MAC as 12 hex digits,
/// <see cref="Suffix"/>. Anything else (other lengths, separators, "../") never matches, and
/// neither does the all-zero MAC that names vendors' shared files (Polycom's 000000000000.cfg).
/// </summary>
public sealed record PhoneFileName(string Prefix, string Suffix, PhoneFileKind Kind, bool UpperCaseMac = false)
{
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

    public string Format(string mac) => Prefix + (UpperCaseMac ? mac.ToUpperInvariant() : mac) + Suffix;
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
