namespace Telephony.Sip.Messages;

/// <summary>Character classes of the SIP grammar (RFC 3261 §25.1).</summary>
internal static class SipSyntax
{
    private const string TokenMarks = "-.!%*_+`'~";
    private const string Mark = "-_.!~*'()";
    private const string UserUnreserved = "&=+$,;?/";
    private const string ParamUnreserved = "[]/:&+$";
    private const string HeaderUnreserved = "[]/?:+$";
    private const string PasswordExtra = "&=+$,";

    public static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || TokenMarks.Contains(c, StringComparison.Ordinal);

    public static bool IsToken(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || Mark.Contains(c, StringComparison.Ordinal);

    /// <summary>user = 1*( unreserved / escaped / user-unreserved ).</summary>
    public static bool IsUser(ReadOnlySpan<char> value) => IsEscapedRun(value, c => IsUnreserved(c) || UserUnreserved.Contains(c, StringComparison.Ordinal), allowEmpty: false);

    public static bool IsPassword(ReadOnlySpan<char> value) => IsEscapedRun(value, c => IsUnreserved(c) || PasswordExtra.Contains(c, StringComparison.Ordinal), allowEmpty: true);

    /// <summary>paramchar = param-unreserved / unreserved / escaped.</summary>
    public static bool IsParamText(ReadOnlySpan<char> value, bool allowEmpty) => IsEscapedRun(value, c => IsUnreserved(c) || ParamUnreserved.Contains(c, StringComparison.Ordinal), allowEmpty);

    public static bool IsHeaderText(ReadOnlySpan<char> value) => IsEscapedRun(value, c => IsUnreserved(c) || HeaderUnreserved.Contains(c, StringComparison.Ordinal), allowEmpty: true);

    /// <summary>hostname = *( domainlabel "." ) toplabel [ "." ], labels of alphanumerics and inner hyphens.</summary>
    public static bool IsHostName(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > 255)
        {
            return false;
        }

        if (value[^1] == '.')
        {
            value = value[..^1];
        }

        foreach (var range in value.Split('.'))
        {
            var label = value[range];
            if (label.IsEmpty || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    public static bool IsLinearWhiteSpace(char c) => c is ' ' or '\t';

    private static bool IsEscapedRun(ReadOnlySpan<char> value, Func<char, bool> allowed, bool allowEmpty)
    {
        if (value.IsEmpty)
        {
            return allowEmpty;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!allowed(c))
            {
                return false;
            }
        }

        return true;
    }
}
