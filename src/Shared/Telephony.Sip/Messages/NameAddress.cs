using System.Text;

namespace Telephony.Sip.Messages;

/// <summary>
/// name-addr or addr-spec with header parameters: the value of From, To, Contact, Route,
/// Record-Route, P-Asserted-Identity (RFC 3261 §20.10, §20.20, §20.39, §25.1). Without angle
/// brackets, everything after the first ';' is a header parameter, not a URI parameter.
/// </summary>
public sealed class NameAddress
{
    public NameAddress(SipUri uri, string? displayName = null, HeaderParameters? parameters = null)
    {
        Uri = uri;
        DisplayName = displayName;
        Parameters = parameters ?? new HeaderParameters();
    }

    /// <summary>The display name without quotes, or null.</summary>
    public string? DisplayName { get; }

    public SipUri Uri { get; }

    public HeaderParameters Parameters { get; }

    public string? Tag => Parameters["tag"];

    public static bool TryParse(string? value, out NameAddress? address) => TryParse(value, out address, out _);

    public static bool TryParse(string? value, out NameAddress? address, out SipUriParseError error)
    {
        address = null;
        error = SipUriParseError.Malformed;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.AsSpan().Trim();
        string? displayName = null;
        ReadOnlySpan<char> uriText;
        ReadOnlySpan<char> rest;
        if (text[0] == '"')
        {
            var end = QuotedString.FindEnd(text, 0);
            if (end < 0)
            {
                return false;
            }

            displayName = QuotedString.Unquote(text[..(end + 1)]);
            text = text[(end + 1)..].TrimStart();
            if (text.IsEmpty || text[0] != '<')
            {
                return false;
            }
        }

        var open = text.IndexOf('<');
        var semicolon = text.IndexOf(';');
        if (open >= 0 && (semicolon < 0 || open < semicolon))
        {
            if (displayName is null)
            {
                var name = text[..open].Trim();
                if (!name.IsEmpty)
                {
                    if (!IsTokenSequence(name))
                    {
                        return false;
                    }

                    displayName = name.ToString();
                }
            }

            var close = text.IndexOf('>');
            if (close < open)
            {
                return false;
            }

            uriText = text[(open + 1)..close];
            rest = text[(close + 1)..].Trim();
        }
        else
        {
            // addr-spec: a URI that cannot itself carry parameters or headers here.
            var end = semicolon >= 0 ? semicolon : text.Length;
            uriText = text[..end].TrimEnd();
            rest = text[end..];
            if (uriText.IndexOfAny(' ', '\t', ',') >= 0 || uriText.Contains('?'))
            {
                return false;
            }
        }

        if (!SipUri.TryParse(uriText.ToString(), out var uri, out error))
        {
            return false;
        }

        var parameters = new HeaderParameters();
        if (!rest.IsEmpty)
        {
            if (rest[0] != ';' || !HeaderParameters.TryParse(rest[1..], out parameters))
            {
                error = SipUriParseError.Malformed;
                return false;
            }
        }

        address = new NameAddress(uri!, displayName, parameters);
        error = SipUriParseError.None;
        return true;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        if (DisplayName is not null)
        {
            builder.Append('"').Append(DisplayName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\" ");
        }

        builder.Append('<').Append(Uri).Append('>').Append(Parameters.ToString());
        return builder.ToString();
    }

    private static bool IsTokenSequence(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!SipSyntax.IsTokenChar(c) && !SipSyntax.IsLinearWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }
}
