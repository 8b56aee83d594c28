namespace Telephony.Sip.Messages;

/// <summary>Splits a header value at commas that are not inside a quoted string or angle brackets.</summary>
internal static class HeaderValueSplitter
{
    public static List<string> Split(string value)
    {
        var parts = new List<string>();
        var start = 0;
        var inQuotes = false;
        var inAngles = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == '<')
            {
                inAngles = true;
            }
            else if (c == '>')
            {
                inAngles = false;
            }
            else if (c == ',' && !inAngles)
            {
                AddTrimmed(parts, value[start..i]);
                start = i + 1;
            }
        }

        AddTrimmed(parts, value[start..]);
        return parts;
    }

    private static void AddTrimmed(List<string> parts, string part)
    {
        var trimmed = part.Trim();
        if (trimmed.Length > 0)
        {
            parts.Add(trimmed);
        }
    }
}
