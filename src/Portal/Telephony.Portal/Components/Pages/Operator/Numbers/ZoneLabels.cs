using Telephony.Portal.Domain.Numbering;

namespace Telephony.Portal.Components.Pages.Operator.Numbers;

/// <summary>A zone as people name it: its prefix and region (O-SITE).</summary>
public static class ZoneLabels
{
    public static string Of(NumberZone zone) => zone switch
    {
        NumberZone.IleDeFrance => "01 Île-de-France",
        NumberZone.NorthWest => "02 North-west",
        NumberZone.NorthEast => "03 North-east",
        NumberZone.SouthEast => "04 South-east",
        NumberZone.SouthWest => "05 South-west",
        NumberZone.Mobile => "06/07 Mobile",
        NumberZone.NonGeographic => "09 Non-geographic",
        _ => zone.NationalPrefix(),
    };
}
