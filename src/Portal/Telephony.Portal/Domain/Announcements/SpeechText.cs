namespace Telephony.Portal.Domain.Announcements;

/// <summary>
/// S-ANN text-to-speech: a text of at most 1,000 characters spoken in French or English by the
/// media server (which checks the same limits; the Portal checks first to name the field).
/// </summary>
public static class SpeechText
{
    public const int MaxLength = 1000;
    public const string French = "fr";
    public const string English = "en";
    public const string TextField = "Text";
    public const string LanguageField = "Language";

    public static readonly IReadOnlyList<string> Languages = [French, English];

    /// <summary>The text trimmed and the language checked, or every problem at once.</summary>
    public static Result<(string Text, string Language)> Check(string? text, string? language)
    {
        var errors = new List<FieldError>();
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(new FieldError(TextField, "Type the text to speak."));
        }
        else if (trimmed.Length > MaxLength)
        {
            errors.Add(new FieldError(TextField, $"The text has {trimmed.Length} characters; at most {MaxLength} can be spoken."));
        }

        if (language is not (French or English))
        {
            errors.Add(new FieldError(LanguageField, "Choose French or English."));
        }

        return errors.Count == 0 ? (trimmed, language!) : Error.Invalid(errors);
    }
}
