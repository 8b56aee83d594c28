using Telephony.Portal.Domain.Numbering;

namespace Telephony.Portal.Domain.Lines;

/// <summary>
/// O-LINES search: by name, first name or number, partial, case- and accent-insensitive;
/// several national numbers separated by ";" find several lines.
/// </summary>
public static class LineSearch
{
    public static string Index(Line line) =>
        string.Join(' ', new[] { line.FirstName, line.LastName, line.Name, line.Email, NationalDigits(line.PublicNumber), line.PublicNumber, line.ShortNumber }
            .Where(p => !string.IsNullOrEmpty(p))
            .Select(p => Fold(p!)));

    /// <summary>
    /// What a search box holds, as alternatives (any may match), each a list of words that must
    /// all be found: "dupont;0199000001" → [["dupont"], ["0199000001"]].
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Terms(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return [];
        }

        return search.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(alternative => LooksLikeNumber(alternative)
                ? (IReadOnlyList<string>)[NumberTerm(alternative)]
                : Fold(alternative).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words.Count > 0)
            .ToList();
    }

    public static string Fold(string value) => Text.RemoveDiacritics(value).ToLowerInvariant();

    private static bool LooksLikeNumber(string value) =>
        value.Any(char.IsAsciiDigit) && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+');

    /// <summary>"01 99 00 00 01" → "0199000001"; "+33199000001" → "0199000001"; "0001" stays.</summary>
    private static string NumberTerm(string value)
    {
        var compact = new string(value.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        return compact.StartsWith("+33", StringComparison.Ordinal) ? "0" + compact[3..] : compact.Replace("+", "", StringComparison.Ordinal);
    }

    private static string NationalDigits(string e164) => PhoneNumber.ToNational(e164).Replace(" ", "", StringComparison.Ordinal);
}
