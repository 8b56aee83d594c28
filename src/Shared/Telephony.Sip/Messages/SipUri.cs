using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Telephony.Sip.Messages;

public enum SipUriParseError
{
    None,
    Malformed,

    /// <summary>A scheme other than sip/sips: answered 416 Unsupported URI Scheme (RFC 3261 §8.2.2.1).</summary>
    UnsupportedScheme,
}

/// <summary>
/// A SIP or SIPS URI (RFC 3261 §19.1): sip:user:password@host:port;uri-parameters?headers.
/// User and password keep their escaped form as received; <see cref="UnescapedUser"/> gives
/// the comparable value (RFC 3261 §19.1.4).
/// </summary>
public sealed class SipUri
{
    private SipUri(string scheme, string? user, string? password, string host, int? port, HeaderParameters parameters, string? headers)
    {
        Scheme = scheme;
        User = user;
        Password = password;
        Host = host;
        Port = port;
        Parameters = parameters;
        Headers = headers;
    }

    /// <summary>"sip" or "sips", lower case.</summary>
    public string Scheme { get; }

    public string? User { get; }

    public string? Password { get; }

    /// <summary>Host name, IPv4 address, or IPv6 reference with its brackets ("[2001:db8::1]").</summary>
    public string Host { get; }

    public int? Port { get; }

    public HeaderParameters Parameters { get; }

    /// <summary>The "?h=v&amp;..." part without the '?', as received.</summary>
    public string? Headers { get; }

    public string? UnescapedUser => User is null ? null : Unescape(User);

    /// <summary>The transport parameter, lower case, if any ("udp", "tcp", "tls", "ws").</summary>
    public string? Transport => Parameters["transport"]?.ToLowerInvariant();

    public static SipUri Create(string? user, string host, int? port = null, bool secure = false) =>
        new(secure ? "sips" : "sip", user, null, host, port, new HeaderParameters(), null);

    public static bool TryParse(string? text, out SipUri? uri) => TryParse(text, out uri, out _);

    public static bool TryParse(string? text, out SipUri? uri, out SipUriParseError error)
    {
        uri = null;
        error = SipUriParseError.Malformed;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsScheme(text.AsSpan(0, colon)))
        {
            return false;
        }

        var scheme = text[..colon].ToLowerInvariant();
        if (scheme is not ("sip" or "sips"))
        {
            error = SipUriParseError.UnsupportedScheme;
            return false;
        }

        var rest = text.AsSpan(colon + 1);
        string? user = null;
        string? password = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var passwordSeparator = userInfo.IndexOf(':');
            var userPart = passwordSeparator >= 0 ? userInfo[..passwordSeparator] : userInfo;
            if (!SipSyntax.IsUser(userPart))
            {
                return false;
            }

            user = userPart.ToString();
            if (passwordSeparator >= 0)
            {
                var passwordPart = userInfo[(passwordSeparator + 1)..];
                if (!SipSyntax.IsPassword(passwordPart))
                {
                    return false;
                }

                password = passwordPart.ToString();
            }

            rest = rest[(at + 1)..];
        }

        if (!TryParseHostPort(rest, out var host, out var port, out var consumed))
        {
            return false;
        }

        rest = rest[consumed..];
        string? headers = null;
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            var headerPart = rest[(question + 1)..];
            if (!IsUriHeaders(headerPart))
            {
                return false;
            }

            headers = headerPart.ToString();
            rest = rest[..question];
        }

        var parameters = new HeaderParameters();
        if (!rest.IsEmpty)
        {
            if (rest[0] != ';' || !TryParseUriParameters(rest[1..], out parameters))
            {
                return false;
            }
        }

        uri = new SipUri(scheme, user, password, host, port, parameters, headers);
        error = SipUriParseError.None;
        return true;
    }

    /// <summary>
    /// Parses host [":" port] at the start of <paramref name="text"/>; stops at ';', '?', '>' or
    /// whitespace. Hosts are names, IPv4 addresses or bracketed IPv6 references.
    /// </summary>
    internal static bool TryParseHostPort(ReadOnlySpan<char> text, out string host, out int? port, out int consumed)
    {
        host = "";
        port = null;
        consumed = 0;
        int end;
        if (text.StartsWith("["))
        {
            end = text.IndexOf(']');
            if (end < 0 || !IPAddress.TryParse(text[1..end], out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            host = text[..(end + 1)].ToString().ToLowerInvariant();
            end++;
        }
        else
        {
            end = 0;
            while (end < text.Length && text[end] is not (':' or ';' or '?' or '>') && !SipSyntax.IsLinearWhiteSpace(text[end]))
            {
                end++;
            }

            var name = text[..end];
            if (!SipSyntax.IsHostName(name))
            {
                return false;
            }

            host = name.ToString().ToLowerInvariant();
        }

        if (end < text.Length && text[end] == ':')
        {
            var portStart = end + 1;
            var portEnd = portStart;
            while (portEnd < text.Length && char.IsAsciiDigit(text[portEnd]))
            {
                portEnd++;
            }

            if (portEnd == portStart || portEnd - portStart > 5 ||
                !int.TryParse(text[portStart..portEnd], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 65535)
            {
                return false;
            }

            port = value;
            end = portEnd;
        }

        consumed = end;
        return true;
    }

    public override string ToString()
    {
        var builder = new StringBuilder(Scheme).Append(':');
        if (User is not null)
        {
            builder.Append(User);
            if (Password is not null)
            {
                builder.Append(':').Append(Password);
            }

            builder.Append('@');
        }

        builder.Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        builder.Append(Parameters.ToString());
        if (Headers is not null)
        {
            builder.Append('?').Append(Headers);
        }

        return builder.ToString();
    }

    internal static string Unescape(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && byte.TryParse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseUriParameters(ReadOnlySpan<char> text, out HeaderParameters parameters)
    {
        // URI parameters allow no whitespace and only paramchars (RFC 3261 §25.1 uri-parameters).
        parameters = new HeaderParameters();
        foreach (var range in text.Split(';'))
        {
            var item = text[range];
            var equals = item.IndexOf('=');
            var name = equals >= 0 ? item[..equals] : item;
            var value = equals >= 0 ? item[(equals + 1)..] : default;
            if (!SipSyntax.IsParamText(name, allowEmpty: false) || (equals >= 0 && !SipSyntax.IsParamText(value, allowEmpty: false)))
            {
                return false;
            }

            parameters.Set(name.ToString(), equals >= 0 ? value.ToString() : null);
        }

        return true;
    }

    private static bool IsUriHeaders(ReadOnlySpan<char> text)
    {
        foreach (var range in text.Split('&'))
        {
            var header = text[range];
            var equals = header.IndexOf('=');
            if (equals <= 0 || !SipSyntax.IsHeaderText(header[..equals]) || !SipSyntax.IsHeaderText(header[(equals + 1)..]))
            {
                return false;
            }
        }

        return true;
    }
}
