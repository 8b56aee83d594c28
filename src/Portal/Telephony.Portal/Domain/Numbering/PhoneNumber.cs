namespace Telephony.Portal.Domain.Numbering;

/// <summary>French number normalisation (C-NUMBERS): the platform stores E.164.</summary>
public static class PhoneNumber
{
    /// <summary>"01 84 80 00 00", "0184800000" or "+33184800000" → "+33184800000".</summary>
    public static Result<string> ToE164(string? input, string field = "Number")
    {
        var compact = new string((input ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-').ToArray());
        string digits;
        if (compact.StartsWith("+33", StringComparison.Ordinal))
        {
            digits = compact[3..];
        }
        else if (compact.StartsWith("0033", StringComparison.Ordinal))
        {
            digits = compact[4..];
        }
        else if (compact.Length == 10 && compact[0] == '0')
        {
            digits = compact[1..];
        }
        else
        {
            return Error.Validation("number.format", "Enter a French number as 0XXXXXXXXX or +33XXXXXXXXX.", field);
        }

        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit) || digits[0] == '0')
        {
            return Error.Validation("number.format", "A French number has 9 digits after +33 (10 with the leading 0).", field);
        }

        return "+33" + digits;
    }

    /// <summary>"+33184800000" → "01 84 80 00 00" for the French UI.</summary>
    public static string ToNational(string e164)
    {
        if (!e164.StartsWith("+33", StringComparison.Ordinal) || e164.Length != 12)
        {
            return e164;
        }

        var national = "0" + e164[3..];
        return string.Join(' ', Enumerable.Range(0, 5).Select(i => national.Substring(i * 2, 2)));
    }

    /// <summary>The zone of an E.164 French number (+33 1… → 01).</summary>
    public static NumberZone? ZoneOf(string e164) => e164.Length == 12 && e164.StartsWith("+33", StringComparison.Ordinal)
        ? e164[3] switch
        {
            '1' => NumberZone.IleDeFrance,
            '2' => NumberZone.NorthWest,
            '3' => NumberZone.NorthEast,
            '4' => NumberZone.SouthEast,
            '5' => NumberZone.SouthWest,
            '6' or '7' => NumberZone.Mobile,
            '9' => NumberZone.NonGeographic,
            _ => null,
        }
        : null;
}
