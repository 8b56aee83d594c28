namespace Telephony.MediaServer.Audio;

/// <summary>The languages prompts and text-to-speech exist in (section 13: French, the default, and English).</summary>
public static class AudioLanguage
{
    public const string French = "fr";
    public const string English = "en";
    public const string Default = French;

    /// <summary>"fr", "en" for a language tag such as "fr", "FR", "en-US" or "en_GB"; null for any other.</summary>
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var language = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return language is French or English ? language : null;
    }
}
