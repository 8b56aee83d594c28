using System.Text;

namespace Telephony.Portal.Features.Contacts;

/// <summary>
/// The external directory as CSV (RFC 4180): a header "Name,Number,ShortNumber" then one
/// contact a row. Import also reads ';' as the separator (what French spreadsheets write),
/// quoted fields, and a UTF-8 byte order mark.
/// </summary>
public static class ContactCsv
{
    public const string Header = "Name,Number,ShortNumber";

    public static string Write(IEnumerable<(string Name, string Number, string? ShortNumber)> contacts)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var (name, number, shortNumber) in contacts)
        {
            csv.Append(Quote(name)).Append(',').Append(Quote(number)).Append(',').Append(Quote(shortNumber ?? "")).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>The rows after the header, each with its line number in the file; a row that cannot be read is null.</summary>
    public static IReadOnlyList<(int Line, IReadOnlyList<string>? Fields)> Read(string text)
    {
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        var separator = lines.Length > 0 && lines[0].Contains(';', StringComparison.Ordinal) && !lines[0].Contains(',', StringComparison.Ordinal) ? ';' : ',';
        var rows = new List<(int, IReadOnlyList<string>?)>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                rows.Add((i + 1, Split(lines[i], separator)));
            }
        }

        return rows;
    }

    private static List<string>? Split(string line, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }

    /// <summary>Quotes a field when it holds a separator, a quote or a line break; a leading = + - @ is neutralised so spreadsheets do not run it as a formula.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '-' or '@' && !value.All(c => char.IsAsciiDigit(c) || c == '-'))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', ';', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
