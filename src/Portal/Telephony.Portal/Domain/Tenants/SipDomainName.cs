using System.Text.RegularExpressions;

namespace Telephony.Portal.Domain.Tenants;

/// <summary>DNS host names as used for tenant SIP domains (RFC 1035 §2.3.1 labels, RFC 3261 hostname).</summary>
public static partial class SipDomainName
{
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= 253 } && HostName().IsMatch(name);

    /// <summary>Makes a DNS label out of a company name: "Société Générale" → "societe-generale".</summary>
    public static string LabelFrom(string companyName)
    {
        var ascii = Text.RemoveDiacritics(companyName).ToLowerInvariant();
        var label = NonLabel().Replace(ascii, "-").Trim('-');
        if (label.Length > 40)
        {
            label = label[..40].TrimEnd('-');
        }

        return label.Length == 0 ? "tenant" : label;
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$")]
    private static partial Regex HostName();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonLabel();
}
