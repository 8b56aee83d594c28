using System.Collections.Frozen;

namespace Telephony.Portal.Domain.Numbering;

/// <summary>Derives a site's numbering zone from its postcode (O-SITE).</summary>
public static class NumberZones
{
    private static readonly FrozenDictionary<string, NumberZone> ByDepartment = BuildDepartments();

    /// <summary>
    /// The zone of a French postcode: its department (first two digits, three for overseas
    /// 97x) decides. Corsica's postcodes start with 20.
    /// </summary>
    public static Result<NumberZone> FromPostcode(string? postcode)
    {
        var code = postcode?.Trim() ?? "";
        if (code.Length != 5 || !code.All(char.IsAsciiDigit))
        {
            return Error.Validation("site.postcode", "A French postcode has exactly 5 digits.", "Postcode");
        }

        if (code.StartsWith("97", StringComparison.Ordinal) || code.StartsWith("98", StringComparison.Ordinal))
        {
            return ByDepartment.TryGetValue(code[..3], out var overseas)
                ? overseas
                : Error.Validation("site.postcode", $"Postcode {code} is outside the zones we serve.", "Postcode");
        }

        return ByDepartment.TryGetValue(code[..2], out var zone)
            ? zone
            : Error.Validation("site.postcode", $"Postcode {code} matches no French department.", "Postcode");
    }

    /// <summary>The zone prefix digit as dialled nationally: 01 … 05, 06, 09.</summary>
    public static string NationalPrefix(this NumberZone zone) => "0" + ((int)zone).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static FrozenDictionary<string, NumberZone> BuildDepartments()
    {
        var map = new Dictionary<string, NumberZone>();
        void Add(NumberZone zone, params string[] departments)
        {
            foreach (var d in departments)
            {
                map.Add(d, zone);
            }
        }

        Add(NumberZone.IleDeFrance, "75", "77", "78", "91", "92", "93", "94", "95");
        // Bretagne, Normandie, Pays de la Loire, Centre-Val de Loire; La Réunion, Mayotte.
        Add(NumberZone.NorthWest, "14", "18", "22", "27", "28", "29", "35", "36", "37", "41", "44", "45", "49", "50", "53", "56", "61", "72", "76", "85", "974", "976");
        // Hauts-de-France, Grand Est, Bourgogne-Franche-Comté.
        Add(NumberZone.NorthEast, "02", "08", "10", "21", "25", "39", "51", "52", "54", "55", "57", "58", "59", "60", "62", "67", "68", "70", "71", "80", "88", "89", "90");
        // Auvergne-Rhône-Alpes, Provence-Alpes-Côte d'Azur, Languedoc-Roussillon, Corsica (20).
        Add(NumberZone.SouthEast, "01", "03", "04", "05", "06", "07", "11", "13", "15", "20", "26", "30", "34", "38", "42", "43", "48", "63", "66", "69", "73", "74", "83", "84");
        // Nouvelle-Aquitaine, Midi-Pyrénées; Guadeloupe, Martinique, Guiana, Saint-Pierre-et-Miquelon.
        Add(NumberZone.SouthWest, "09", "12", "16", "17", "19", "23", "24", "31", "32", "33", "40", "46", "47", "64", "65", "79", "81", "82", "86", "87", "971", "972", "973", "975");
        return map.ToFrozenDictionary();
    }
}
