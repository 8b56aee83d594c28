using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Telephony.Portal.Resources;

namespace Telephony.Portal.Infrastructure.Localization;

/// <summary>
/// Shows the domain's English error messages in the UI's language, without the domain knowing
/// about cultures (the REST API keeps the English). A fixed message is its own key in
/// <see cref="DomainMessages"/>; a message with variable parts matches a key written as a
/// pattern ("Short number {0} is already used in your company."), whose parts are put back
/// into the translation, themselves translated when they are known words ("Fixed line") or
/// messages ("Line {0}: {1}", a CSV row and what is wrong with it). When several patterns
/// match, the one with the most fixed text wins. A message with no entry is shown as it is.
/// </summary>
public sealed partial class MessageTranslator(IStringLocalizer<DomainMessages> messages)
{
    /// <summary>A part is translated as a message of its own ("Line 3: {a field's message}"), this deep at most.</summary>
    private const int MaxDepth = 2;

    private static readonly ConcurrentDictionary<string, Pattern> Patterns = new(StringComparer.Ordinal);

    public string Translate(string message) => Translate(message, 0);

    private string Translate(string message, int depth)
    {
        var exact = messages[message];
        if (!exact.ResourceNotFound)
        {
            return exact.Value;
        }

        // The most specific pattern wins: "Line {0}: short number {1} is already used…" over "Line {0}: {1}".
        (LocalizedString Entry, Match Match, int Literal)? best = null;
        foreach (var entry in messages.GetAllStrings(includeParentCultures: true))
        {
            if (!entry.Name.Contains("{0}", StringComparison.Ordinal))
            {
                continue;
            }

            var pattern = Patterns.GetOrAdd(entry.Name, ToPattern);
            if (best is not null && pattern.Literal <= best.Value.Literal)
            {
                continue;
            }

            var match = pattern.Expression.Match(message);
            if (match.Success)
            {
                best = (entry, match, pattern.Literal);
            }
        }

        if (best is not { } found)
        {
            return message;
        }

        var parts = Enumerable.Range(0, 10).Select(i => found.Match.Groups[$"p{i}"]).TakeWhile(g => g.Success)
            .Select(g => (object)(depth < MaxDepth ? Translate(g.Value, depth + 1) : g.Value)).ToArray();
        return string.Format(System.Globalization.CultureInfo.CurrentCulture, found.Entry.Value, parts);
    }

    // "At most {0} numbers." → ^At\ most\ (?<p0>.+?)\ numbers\.$ (a part may come before an earlier one),
    // and how many characters it fixes, to prefer the pattern that says the most.
    private static Pattern ToPattern(string pattern)
    {
        var escaped = Regex.Escape(pattern);
        var expression = Placeholder().Replace(escaped, m => $"(?<p{m.Groups[1].Value}>.+?)");
        var literal = pattern.Length - UnescapedPlaceholder().Matches(pattern).Sum(m => m.Length);
        return new Pattern(new Regex("^" + expression + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100)), literal);
    }

    [GeneratedRegex(@"\\\{(\d)}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{\d}")]
    private static partial Regex UnescapedPlaceholder();

    private sealed record Pattern(Regex Expression, int Literal);
}
