using System.Globalization;

namespace Telephony.Portal.Components.Shared;

/// <summary>The audit pages' date filters: whole UTC days, the end day included.</summary>
public static class AuditPeriod
{
    public static DateTime? Start(string? day) => Parse(day)?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static DateTime? EndExclusive(string? day) => Parse(day)?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static DateOnly? Parse(string? day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
}
