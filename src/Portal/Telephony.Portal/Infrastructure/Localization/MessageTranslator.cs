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
/// into the translation, themselves translated when they are known words ("Fixed line").
/// A message with no entry is shown as it is.
/// </summary>
public sealed partial class MessageTranslator(IStringLocalizer<DomainMessages> messages)
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public string Translate(string message)
    {
        var exact = messages[message];
        if (!exact.ResourceNotFound)
        {
            return exact.Value;
        }

        foreach (var entry in messages.GetAllStrings(includeParentCultures: true))
        {
            if (!entry.Name.Contains("{0}", StringComparison.Ordinal))
            {
                continue;
            }

            var match = Patterns.GetOrAdd(entry.Name, ToRegex).Match(message);
            if (match.Success)
            {
                var parts = Enumerable.Range(0, 10).Select(i => match.Groups[$"p{i}"]).TakeWhile(g => g.Success).Select(g => (object)Part(g.Value)).ToArray();
                return string.Format(System.Globalization.CultureInfo.CurrentCulture, entry.Value, parts);
            }
        }

        return message;
    }

    private string Part(string value)
    {
        var known = messages[value];
        return known.ResourceNotFound ? value : known.Value;
    }

    // "At most {0} numbers." → ^At\ most\ (?<p0>.+?)\ numbers\.$ (a part may come before an earlier one).
    private static Regex ToRegex(string pattern)
    {
        var escaped = Regex.Escape(pattern);
        var expression = Placeholder().Replace(escaped, m => $"(?<p{m.Groups[1].Value}>.+?)");
        return new Regex("^" + expression + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
    }

    [GeneratedRegex(@"\\\{(\d)}")]
    private static partial Regex Placeholder();
}
