namespace Telephony.Provisioning.Rendering;

/// <summary>
/// An IANA time zone as the vendors name it. Phones do not know IANA names: Yealink wants an
/// offset and one of its city names, Snom a code of its own, Cisco an offset and a DST rule,
/// Polycom an offset in seconds and DST dates, Grandstream a POSIX TZ string.
/// </summary>
public sealed record PhoneTimeZone(string Iana, int StandardOffsetMinutes, bool EuropeanSummerTime, string? YealinkName = null, string? SnomCode = null)
{
    /// <summary>Yealink's local_time.time_zone: "+1", "0", "-4", "+5:30".</summary>
    public string YealinkOffset => StandardOffsetMinutes switch
    {
        0 => "0",
        var m when m % 60 == 0 => $"{(m > 0 ? "+" : "-")}{Math.Abs(m) / 60}",
        var m => $"{(m > 0 ? "+" : "-")}{Math.Abs(m) / 60}:{Math.Abs(m) % 60:00}",
    };

    /// <summary>Cisco's Time_Zone: "GMT+01:00".</summary>
    public string CiscoZone => $"GMT{(StandardOffsetMinutes < 0 ? "-" : "+")}{Math.Abs(StandardOffsetMinutes) / 60:00}:{Math.Abs(StandardOffsetMinutes) % 60:00}";

    /// <summary>
    /// The EU rule (Directive 2000/84/EC): last Sunday of March to last Sunday of October, both
    /// at 01:00 UTC, so the local hour of each change depends on the zone.
    /// </summary>
    public int SummerTimeStartHour => 1 + StandardOffsetMinutes / 60;

    public int SummerTimeEndHour => 2 + StandardOffsetMinutes / 60;

    /// <summary>Cisco's Daylight_Saving_Time_Rule (month/day/weekday/hour, -1 = last, 7 = Sunday).</summary>
    public string CiscoSummerTimeRule => $"start=3/-1/7/{SummerTimeStartHour};end=10/-1/7/{SummerTimeEndHour};save=1";

    /// <summary>POSIX TZ (IEEE 1003.1 §8.3) as Grandstream writes it, e.g. "CET-1CEST-2,M3.5.0/02:00:00,M10.5.0/03:00:00".</summary>
    public string Posix
    {
        get
        {
            var hours = StandardOffsetMinutes / 60;
            if (!EuropeanSummerTime)
            {
                return $"UTC{(hours > 0 ? "-" : "+")}{Math.Abs(hours)}";
            }

            var (standard, summer) = Iana switch
            {
                "Europe/London" => ("GMT", "BST"),
                "Europe/Dublin" => ("GMT", "IST"),
                "Europe/Lisbon" => ("WET", "WEST"),
                _ => ("CET", "CEST"),
            };
            return $"{standard}{-hours}{summer}{-hours - 1},M3.5.0/{SummerTimeStartHour:00}:00:00,M10.5.0/{SummerTimeEndHour:00}:00:00";
        }
    }

    private static readonly Dictionary<string, PhoneTimeZone> Known = new PhoneTimeZone[]
    {
        new("Europe/Paris", 60, true, "France(Paris)", "FRA+1"),
        new("Europe/Monaco", 60, true, "France(Paris)", "FRA+1"),
        new("Europe/Brussels", 60, true, "Belgium(Brussels)", "BEL+1"),
        new("Europe/Luxembourg", 60, true, "Luxembourg(Luxembourg)", "LUX+1"),
        new("Europe/Zurich", 60, true, "Switzerland(Bern)", "SUI+1"),
        new("Europe/Berlin", 60, true, "Germany(Berlin)", "GER+1"),
        new("Europe/Madrid", 60, true, "Spain(Madrid)", "ESP+1"),
        new("Europe/Rome", 60, true, "Italy(Rome)", "ITA+1"),
        new("Europe/Amsterdam", 60, true, "Netherlands(Amsterdam)", "NLD+1"),
        new("Europe/London", 0, true, "Great Britain(London)", "GBR-0"),
        new("Europe/Dublin", 0, true, "Ireland(Dublin)", "IRL-0"),
        new("Europe/Lisbon", 0, true, "Portugal(Lisboa)", "POR-0"),
    }.ToDictionary(zone => zone.Iana, StringComparer.Ordinal);

    /// <summary>
    /// The zone's vendor names when we know them; otherwise its standard offset from the system's
    /// time zone database without summer time (French overseas departments have none), and UTC
    /// for a name the system does not know.
    /// </summary>
    public static PhoneTimeZone For(string iana)
    {
        if (Known.TryGetValue(iana, out var zone))
        {
            return zone;
        }

        var offset = TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var info) ? (int)info.BaseUtcOffset.TotalMinutes : 0;
        return new PhoneTimeZone(iana, offset, EuropeanSummerTime: false);
    }
}
