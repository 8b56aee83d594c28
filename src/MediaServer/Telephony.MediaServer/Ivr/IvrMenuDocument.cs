using System.Text.Json;
using System.Text.RegularExpressions;

namespace Telephony.MediaServer.Ivr;

/// <summary>
/// The IVR menu CallControl sends in the INVITE (the body part of type <see cref="MediaType"/>):
/// CallControl holds the IVR's configuration in its routing snapshot, the media server holds
/// none (ADR 14). The document, strict on everything it carries:
/// <code>
/// {
///   "announcement": "announcement:&lt;tenant&gt;/&lt;id&gt;",          // or "prompt:fr/main-menu"
///   "keys": {
///     "1": { "number": "+33123456789", "label": "Sales" },
///     "2": { "label": "Support", "menu": { "announcement": "…", "keys": { "1": { "number": "201" } } } },
///     "0": { "number": "200", "label": "Operator" }
///   }
/// }
/// </code>
/// Level 1 keys are 0-9 (0 the operator key), level 2 keys 1-9 and numbers only (I-MENU); a
/// choice has a number or a menu, not both; numbers are up to 32 of + (first), digits, * and #;
/// labels up to 64 characters without control characters (they go into an INFO body line).
/// An announcement of another tenant than the URI's is refused 403 (tenancy is a security
/// boundary); any other fault 400 with what is wrong.
/// </summary>
public static partial class IvrMenuDocument
{
    public const string MediaType = "application/vnd.telephony.ivr+json";
    public const int MaxLabelLength = 64;
    private const string PromptScheme = "prompt:";
    private const string AnnouncementScheme = "announcement:";

    /// <summary>The menu, or the status (400, 403) and reason phrase that refuse it.</summary>
    public static IvrMenu? Parse(ReadOnlySpan<byte> json, Guid tenant, out int status, out string? reason)
    {
        status = 400;
        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
            var menu = Menu(document.RootElement, tenant, level: 1, out var forbidden, out reason);
            status = menu is not null ? 0 : forbidden ? 403 : 400;
            reason = menu is not null ? null : (forbidden ? "Forbidden: " : "Bad Request: ") + reason;
            return menu;
        }
        catch (JsonException ex)
        {
            reason = $"Bad Request: the IVR menu is not valid JSON (line {ex.LineNumber + 1})";
            return null;
        }
    }

    /// <summary>Every announcement of the menu and its submenus, each once.</summary>
    public static IReadOnlyList<string> Announcements(IvrMenu menu) =>
        new[] { menu.Announcement }.Concat(menu.Keys.Values.Where(c => c.Submenu is not null).Select(c => c.Submenu!.Announcement)).Distinct(StringComparer.Ordinal).ToList();

    private static IvrMenu? Menu(JsonElement element, Guid tenant, int level, out bool forbidden, out string? reason)
    {
        forbidden = false;
        if (element.ValueKind != JsonValueKind.Object)
        {
            reason = $"the level {level} menu is not an object";
            return null;
        }

        if (Unknown(element, "announcement", "keys") is { } unknown)
        {
            reason = $"the level {level} menu has an unknown property '{unknown}'";
            return null;
        }

        if (!element.TryGetProperty("announcement", out var announcement) || announcement.ValueKind != JsonValueKind.String)
        {
            reason = $"the level {level} menu has no announcement";
            return null;
        }

        if (!IsAudioName(announcement.GetString()!, tenant, out forbidden))
        {
            reason = forbidden
                ? $"the level {level} announcement belongs to another tenant"
                : $"the level {level} announcement is not prompt:<language>/<name> or announcement:<tenant>/<id>";
            return null;
        }

        if (!element.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Object)
        {
            reason = $"the level {level} menu has no keys object";
            return null;
        }

        var choices = new Dictionary<char, IvrChoice>();
        foreach (var key in keys.EnumerateObject())
        {
            if (key.Name.Length != 1 || key.Name[0] is < '0' or > '9' || (level == 2 && key.Name[0] == '0') || choices.ContainsKey(key.Name[0]))
            {
                reason = level == 1 ? $"level 1 key '{key.Name}' is not one of 0-9, once" : $"level 2 key '{key.Name}' is not one of 1-9, once";
                return null;
            }

            if (Choice(key.Value, tenant, level, key.Name, out forbidden, out reason) is not { } choice)
            {
                return null;
            }

            choices.Add(key.Name[0], choice);
        }

        reason = null;
        return new IvrMenu(announcement.GetString()!, choices);
    }

    private static IvrChoice? Choice(JsonElement element, Guid tenant, int level, string key, out bool forbidden, out string? reason)
    {
        forbidden = false;
        var where = $"level {level} key {key}";
        if (element.ValueKind != JsonValueKind.Object || Unknown(element, "number", "label", "menu") is not null)
        {
            reason = $"{where} is not an object of number, label and menu";
            return null;
        }

        string? label = null;
        if (element.TryGetProperty("label", out var labelElement))
        {
            label = labelElement.ValueKind == JsonValueKind.String ? labelElement.GetString() : null;
            if (label is null || label.Length > MaxLabelLength || label.Any(char.IsControl))
            {
                reason = $"{where} has a label that is not text of at most {MaxLabelLength} characters without control characters";
                return null;
            }
        }

        var hasNumber = element.TryGetProperty("number", out var number);
        var hasMenu = element.TryGetProperty("menu", out var submenu);
        if (hasNumber == hasMenu || (hasMenu && level == 2))
        {
            reason = level == 2 ? $"{where} needs a number (level 2 keys forward only)" : $"{where} needs a number or a menu, not both";
            return null;
        }

        if (hasMenu)
        {
            var menu = Menu(submenu, tenant, level: 2, out forbidden, out reason);
            return menu is null ? null : new IvrChoice(null, label, menu);
        }

        if (number.ValueKind != JsonValueKind.String || !NumberPattern().IsMatch(number.GetString()!))
        {
            reason = $"{where} has a number that is not up to 32 of +, digits, * and #";
            return null;
        }

        reason = null;
        return new IvrChoice(number.GetString(), label);
    }

    private static bool IsAudioName(string name, Guid tenant, out bool otherTenant)
    {
        otherTenant = false;
        if (name.StartsWith(PromptScheme, StringComparison.Ordinal))
        {
            return name[PromptScheme.Length..].Split('/') is [{ Length: > 0 }, { Length: > 0 }];
        }

        if (name.StartsWith(AnnouncementScheme, StringComparison.Ordinal)
            && name[AnnouncementScheme.Length..].Split('/') is [var owner, var id]
            && Guid.TryParseExact(owner, "D", out var ownerId) && Guid.TryParseExact(id, "D", out _))
        {
            otherTenant = ownerId != tenant;
            return !otherTenant;
        }

        return false;
    }

    private static string? Unknown(JsonElement element, params string[] known) =>
        element.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !known.Contains(n, StringComparer.Ordinal));

    [GeneratedRegex(@"^\+?[0-9*#]{1,32}$")]
    private static partial Regex NumberPattern();
}
