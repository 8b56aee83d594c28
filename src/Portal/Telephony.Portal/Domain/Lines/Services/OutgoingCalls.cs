namespace Telephony.Portal.Domain.Lines.Services;

public enum CallerIdMode
{
    /// <summary>The line's own number (default).</summary>
    LineNumber,

    Hidden,

    /// <summary>Another number (manager only): free entry or a number of the company.</summary>
    Alternative,
}

/// <summary>L-RESTRICT's eight profiles.</summary>
public enum RestrictionProfile
{
    NoRestriction,
    NationalFreeSpecialEuropeAllWeek,
    NationalFreeSpecialEuropeMondayToSaturday,
    NationalFreeSpecialEuropeMondayToFriday,
    NationalAllSpecialEuropeAllWeek,
    NationalFixedAllWeek,
    NationalFixedMondayToFriday,
    InternalAllWeek,
}

/// <summary>L-CLI, L-CCBS, L-RESTRICT.</summary>
public sealed record OutgoingCalls
{
    public CallerIdMode CallerId { get; init; } = CallerIdMode.LineNumber;

    /// <summary>E.164, with <see cref="CallerIdMode.Alternative"/> only.</summary>
    public string? AlternativeNumber { get; init; }

    /// <summary>L-CCBS: automatic callback on busy, on by default.</summary>
    public bool CallbackOnBusy { get; init; } = true;

    public RestrictionProfile Restriction { get; init; } = RestrictionProfile.NoRestriction;

    /// <summary>An alternative number is "+" or "0" prefixed digits, stored E.164.</summary>
    public static Result<string> ParseAlternativeNumber(string? input, string field)
    {
        var compact = new string((input ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-').ToArray());
        if (compact.StartsWith('0') && !compact.StartsWith("00", StringComparison.Ordinal))
        {
            return Numbering.PhoneNumber.ToE164(compact, field);
        }

        var digits = compact.StartsWith("00", StringComparison.Ordinal) ? compact[2..] : compact.StartsWith('+') ? compact[1..] : null;
        return digits is { Length: >= 8 and <= 15 } && digits.All(char.IsAsciiDigit) && digits[0] != '0'
            ? "+" + digits
            : Error.Validation("cli.number", "Enter the number to present as 0X XX XX XX XX or in international format (+…).", field);
    }
}
