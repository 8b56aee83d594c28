using System.Collections.Frozen;

namespace Telephony.Portal.Domain.Lines.Services;

public enum DestinationKind
{
    /// <summary>French geographic (01-05) or non-geographic (09) number.</summary>
    NationalFixed,

    /// <summary>French mobile (06, 07).</summary>
    NationalMobile,

    /// <summary>A number in one of the foreign countries forwarding may reach.</summary>
    Europe,

    /// <summary>An internal short number (4 to 9 digits).</summary>
    Internal,
}

/// <summary>A number calls may be sent to (L-FWD, L-MULTIRING, H-OVERFLOW): E.164, or the digits of a short number.</summary>
public sealed record Destination(string Number, DestinationKind Kind)
{
    /// <summary>Countries bordering France plus Poland and the Netherlands (L-FWD), by calling code.</summary>
    public static readonly FrozenDictionary<string, string> EuropeanCountries = new Dictionary<string, string>
    {
        ["32"] = "Belgium",
        ["49"] = "Germany",
        ["352"] = "Luxembourg",
        ["41"] = "Switzerland",
        ["39"] = "Italy",
        ["34"] = "Spain",
        ["376"] = "Andorra",
        ["377"] = "Monaco",
        ["48"] = "Poland",
        ["31"] = "the Netherlands",
    }.ToFrozenDictionary();

    /// <summary>Emergency numbers (L-RESTRICT): never a forwarding destination.</summary>
    public static readonly FrozenSet<string> EmergencyNumbers = FrozenSet.ToFrozenSet(["15", "17", "18", "112", "114", "115", "119", "191", "196", "197"]);

    /// <summary>
    /// L-FWD's destination rules: national 01-05, 09, mobiles 06/07 (national or +33 form),
    /// internal short numbers of 4-9 digits, and the listed European countries. Refused, naming
    /// the rule: emergency numbers, special short numbers (10xy, 3bpq, 116xyz, 118xyz), 08
    /// numbers, any other country.
    /// </summary>
    public static Result<Destination> Parse(string? input, string field)
    {
        var compact = Compact(input);
        if (compact.Length == 0)
        {
            return Error.Validation("destination.required", "Enter a number.", field);
        }

        if (compact.StartsWith("00", StringComparison.Ordinal))
        {
            compact = "+" + compact[2..];
        }

        if (compact.StartsWith("+33", StringComparison.Ordinal))
        {
            compact = "0" + compact[3..];
        }

        if (compact.StartsWith('+'))
        {
            return International(compact, field);
        }

        if (!compact.All(char.IsAsciiDigit))
        {
            return Error.Validation("destination.format", "A number has only digits, after an optional +.", field);
        }

        if (compact[0] == '0')
        {
            return National(compact, field);
        }

        if (EmergencyNumbers.Contains(compact))
        {
            return Error.Validation("destination.emergency", "Calls cannot be forwarded to an emergency number.", field);
        }

        if ((compact.Length == 4 && (compact.StartsWith("10", StringComparison.Ordinal) || compact[0] == '3')) ||
            (compact.Length == 6 && (compact.StartsWith("118", StringComparison.Ordinal) || compact.StartsWith("116", StringComparison.Ordinal))))
        {
            return Error.Validation("destination.special", "Calls cannot be forwarded to special short numbers (10xy, 3bpq, 116xyz, 118xyz).", field);
        }

        return compact.Length is >= 4 and <= 9
            ? new Destination(compact, DestinationKind.Internal)
            : Error.Validation("destination.format", "Enter a national number (0…), an international number (+…) or an internal short number of 4 to 9 digits.", field);
    }

    /// <summary>The destination in international format only (L-MULTIRING: "+" numbers of France and the listed countries).</summary>
    public static Result<Destination> ParseInternational(string? input, string field)
    {
        var compact = Compact(input);
        if (!compact.StartsWith('+'))
        {
            return Error.Validation("destination.international-format", "Enter the number in international format, starting with + (+33 6 12 34 56 78).", field);
        }

        var parsed = Parse(compact, field);
        return parsed.Succeeded && parsed.Value!.Kind == DestinationKind.Internal
            ? Error.Validation("destination.international-format", "Enter the number in international format, starting with +.", field)
            : parsed;
    }

    private static Result<Destination> National(string national, string field)
    {
        if (national.Length != 10 || national[1] == '0')
        {
            return Error.Validation("destination.format", "A French number has 10 digits (0X XX XX XX XX).", field);
        }

        return national[1] switch
        {
            '1' or '2' or '3' or '4' or '5' or '9' => new Destination("+33" + national[1..], DestinationKind.NationalFixed),
            '6' or '7' => new Destination("+33" + national[1..], DestinationKind.NationalMobile),
            '8' => Error.Validation("destination.special-08", "Calls cannot be forwarded to 08 numbers (special rate services).", field),
            _ => Error.Validation("destination.format", "A French number has 10 digits (0X XX XX XX XX).", field),
        };
    }

    private static Result<Destination> International(string number, string field)
    {
        var digits = number[1..];
        if (!digits.All(char.IsAsciiDigit) || digits.Length is < 8 or > 15)
        {
            return Error.Validation("destination.format", "An international number is + then 8 to 15 digits.", field);
        }

        var code = EuropeanCountries.ContainsKey(digits[..3]) ? digits[..3] : EuropeanCountries.ContainsKey(digits[..2]) ? digits[..2] : null;
        return code is null
            ? Error.Validation("destination.country", "Calls can be forwarded abroad only to Belgium, Germany, Luxembourg, Switzerland, Italy, Spain, Andorra, Monaco, Poland and the Netherlands.", field)
            : new Destination(number, DestinationKind.Europe);
    }

    private static string Compact(string? input) =>
        new((input ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-' and not '(' and not ')').ToArray());
}
