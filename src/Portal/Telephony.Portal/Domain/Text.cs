using System.Globalization;
using System.Text;

namespace Telephony.Portal.Domain;

public static class Text
{
    /// <summary>"Élodie Müller" → "Elodie Muller", for accent-insensitive matching and DNS labels.</summary>
    public static string RemoveDiacritics(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
