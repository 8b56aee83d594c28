namespace Telephony.Portal.Domain.Numbering;

/// <summary>
/// French numbering zones (ZNE): the first digit after 0 of a geographic number, plus the
/// non-geographic 09 range and the mobile 06/07 range used by mobile lines.
/// </summary>
public enum NumberZone
{
    /// <summary>01: Île-de-France.</summary>
    IleDeFrance = 1,

    /// <summary>02: north-west (and La Réunion, Mayotte).</summary>
    NorthWest = 2,

    /// <summary>03: north-east.</summary>
    NorthEast = 3,

    /// <summary>04: south-east and Corsica.</summary>
    SouthEast = 4,

    /// <summary>05: south-west (and the French Antilles, Guiana, Saint-Pierre-et-Miquelon).</summary>
    SouthWest = 5,

    /// <summary>06/07: mobile numbers, for the mobile lines of the virtual mobile site.</summary>
    Mobile = 6,

    /// <summary>09: non-geographic.</summary>
    NonGeographic = 9,
}
