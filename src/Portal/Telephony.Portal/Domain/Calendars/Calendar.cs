using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Domain.Calendars;

/// <summary>
/// One "opening hours type" of a calendar (S-CAL): on its days, open from
/// <see cref="Start"/> to <see cref="End"/> and, with a lunch break, again from
/// <see cref="AfternoonStart"/> to <see cref="AfternoonEnd"/>.
/// </summary>
public sealed record OpeningHours(IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly End, TimeOnly? AfternoonStart = null, TimeOnly? AfternoonEnd = null)
{
    public bool Contains(TimeOnly time) =>
        (time >= Start && time < End) || (AfternoonStart is { } from && AfternoonEnd is { } to && time >= from && time < to);
}

/// <summary>Closed from <see cref="FirstDay"/> to <see cref="LastDay"/> included; one closure day when they are equal.</summary>
public sealed record ClosurePeriod(DateOnly FirstDay, DateOnly LastDay);

/// <summary>
/// S-CAL: a tenant-wide calendar used by scheduled forwarding, greetings, hunt-group closure
/// and IVR menus. Closed = outside every opening interval, or inside a closure period.
/// Evaluated in the tenant's time zone, so a DST change moves nothing on the wall clock.
/// </summary>
public sealed class Calendar : ITenantOwned
{
    public const int MaxOpeningHours = 7;
    public const int MaxClosures = 200;

    private Calendar()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; } = "";

    public IReadOnlyList<OpeningHours> OpeningHours { get; private set; } = [];

    public IReadOnlyList<ClosurePeriod> Closures { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    public static Result<Calendar> Create(Guid tenantId, string? name, IReadOnlyList<OpeningHours>? openingHours, IReadOnlyList<ClosurePeriod>? closures, DateTime now)
    {
        var calendar = new Calendar { Id = Guid.NewGuid(), TenantId = tenantId, CreatedAt = now };
        var errors = new[] { calendar.Rename(name), calendar.ChangeOpeningHours(openingHours ?? []), calendar.ChangeClosures(closures ?? []) }
            .OfType<Error>().SelectMany(e => e.Fields).ToList();
        return errors.Count > 0 ? Error.Invalid(errors) : calendar;
    }

    public static Error? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100
            ? Error.Validation("calendar.name", "The calendar name is required (at most 100 characters).", "Name")
            : null;

    public Error? Rename(string? name)
    {
        if (CheckName(name) is { } error)
        {
            return error;
        }

        Name = name!.Trim();
        return null;
    }

    /// <summary>
    /// Sets the opening hours types. A day ticked in a later type is unticked from earlier
    /// ones (as the form does); a type left without days, or hours that overlap or run
    /// backwards, are refused.
    /// </summary>
    public Error? ChangeOpeningHours(IReadOnlyList<OpeningHours> types)
    {
        if (CheckOpeningHours(types) is { } error)
        {
            return error;
        }

        OpeningHours = Normalise(types);
        return null;
    }

    public static Error? CheckOpeningHours(IReadOnlyList<OpeningHours>? types)
    {
        types ??= [];
        if (types.Count is 0 or > MaxOpeningHours)
        {
            return Error.Validation("calendar.hours-count", $"Give 1 to {MaxOpeningHours} opening hours types.", "OpeningHours");
        }

        var normalised = Normalise(types);
        var errors = new List<FieldError>();
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            var field = $"OpeningHours[{i}]";
            if (normalised[i].Days.Count == 0)
            {
                errors.Add(new FieldError($"{field}.Days", "Tick at least one day (a day ticked in a later type leaves the earlier ones)."));
            }

            if (type.Start >= type.End)
            {
                errors.Add(new FieldError($"{field}.End", "The opening ends after it starts."));
            }

            if (type.AfternoonStart.HasValue != type.AfternoonEnd.HasValue)
            {
                errors.Add(new FieldError($"{field}.AfternoonEnd", "A lunch break needs both the second start and the second end."));
            }
            else if (type.AfternoonStart is { } from && type.AfternoonEnd is { } to)
            {
                if (from < type.End)
                {
                    errors.Add(new FieldError($"{field}.AfternoonStart", "The hours overlap: the second opening starts after the first one ends."));
                }

                if (from >= to)
                {
                    errors.Add(new FieldError($"{field}.AfternoonEnd", "The second opening ends after it starts."));
                }
            }
        }

        return errors.Count > 0 ? Error.Invalid(errors) : null;
    }

    public Error? ChangeClosures(IReadOnlyList<ClosurePeriod> closures)
    {
        if (closures.Count > MaxClosures)
        {
            return Error.Validation("calendar.closures-count", $"At most {MaxClosures} closure periods and days.", "Closures");
        }

        var errors = closures
            .Select((c, i) => c.LastDay < c.FirstDay ? new FieldError($"Closures[{i}].LastDay", "The closure ends on or after its first day.") : null)
            .OfType<FieldError>()
            .ToList();
        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        Closures = closures.Distinct().OrderBy(c => c.FirstDay).ToList();
        return null;
    }

    /// <summary>Whether the calendar is open at <paramref name="instant"/>, on the wall clock of <paramref name="zone"/>.</summary>
    public bool IsOpenAt(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (Closures.Any(c => day >= c.FirstDay && day <= c.LastDay))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(local.DateTime);
        return OpeningHours.Any(h => h.Days.Contains(local.DayOfWeek) && h.Contains(time));
    }

    private static List<OpeningHours> Normalise(IReadOnlyList<OpeningHours> types) =>
        types.Select((type, i) => type with
        {
            Days = (type.Days ?? []).Distinct().Where(d => !types.Skip(i + 1).Any(later => (later.Days ?? []).Contains(d))).Order().ToList(),
        }).ToList();
}
