using System.Text;

namespace Telephony.Sip.Messages;

/// <summary>
/// ";name=value" parameters of a URI or a header, in order, names case-insensitive
/// (RFC 3261 §19.1.1, §25.1 generic-param). A parameter may have no value (";lr", ";rport").
/// </summary>
public sealed class HeaderParameters
{
    private readonly List<KeyValuePair<string, string?>> _items = [];

    public int Count => _items.Count;

    public IEnumerable<KeyValuePair<string, string?>> Items => _items;

    public bool Contains(string name) => _items.Exists(p => Same(p.Key, name));

    /// <summary>The value of a parameter; null when absent or valueless (use <see cref="Contains"/> to tell).</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var item in _items)
            {
                if (Same(item.Key, name))
                {
                    return item.Value;
                }
            }

            return null;
        }
    }

    public void Set(string name, string? value)
    {
        var index = _items.FindIndex(p => Same(p.Key, name));
        if (index >= 0)
        {
            _items[index] = new(_items[index].Key, value);
        }
        else
        {
            _items.Add(new(name, value));
        }
    }

    /// <summary>
    /// Parses "a=b;c;d=\"quoted; text\"" (without the leading ';'); whitespace around ';' and
    /// '=' is allowed (SEMI and EQUAL carry SWS). Returns false on an empty or invalid name.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out HeaderParameters parameters)
    {
        parameters = new HeaderParameters();
        if (text.Trim(" \t").IsEmpty)
        {
            return false; // a ';' must be followed by a parameter
        }

        var i = 0;
        while (i < text.Length)
        {
            i = SkipSpace(text, i);
            var nameStart = i;
            while (i < text.Length && text[i] is not ('=' or ';') && !SipSyntax.IsLinearWhiteSpace(text[i]))
            {
                i++;
            }

            var name = text[nameStart..i];
            if (name.IsEmpty || !IsParameterName(name))
            {
                return false;
            }

            i = SkipSpace(text, i);
            string? value = null;
            if (i < text.Length && text[i] == '=')
            {
                i = SkipSpace(text, i + 1);
                if (i < text.Length && text[i] == '"')
                {
                    var end = QuotedString.FindEnd(text, i);
                    if (end < 0)
                    {
                        return false;
                    }

                    value = text[i..(end + 1)].ToString();
                    i = end + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < text.Length && text[i] != ';' && !SipSyntax.IsLinearWhiteSpace(text[i]))
                    {
                        i++;
                    }

                    value = text[valueStart..i].ToString();
                    if (value.Length == 0)
                    {
                        return false;
                    }
                }

                i = SkipSpace(text, i);
            }

            parameters._items.Add(new(name.ToString(), value));
            if (i < text.Length)
            {
                if (text[i] != ';')
                {
                    return false;
                }

                i++;
                if (SkipSpace(text, i) >= text.Length)
                {
                    return false; // a trailing ';' with no parameter
                }
            }
        }

        return true;
    }

    /// <summary>";a=b;c" (empty when there are none).</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in _items)
        {
            builder.Append(';').Append(name);
            if (value is not null)
            {
                builder.Append('=').Append(value);
            }
        }

        return builder.ToString();
    }

    private static bool IsParameterName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!SipSyntax.IsTokenChar(c) && c is not ('[' or ']' or '/' or ':' or '&' or '+' or '$' or '(' or ')'))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipSpace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && SipSyntax.IsLinearWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>quoted-string = SWS DQUOTE *(qdtext / quoted-pair) DQUOTE (RFC 3261 §25.1).</summary>
internal static class QuotedString
{
    /// <summary>Index of the closing quote of the quoted string opening at <paramref name="start"/>, or -1.</summary>
    public static int FindEnd(ReadOnlySpan<char> text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The content of a quoted string without its quotes and with quoted-pairs resolved.</summary>
    public static string Unquote(ReadOnlySpan<char> quoted)
    {
        var inner = quoted[1..^1];
        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }

            builder.Append(inner[i]);
        }

        return builder.ToString();
    }
}
