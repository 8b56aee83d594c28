using System.Globalization;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Calendars;
using Telephony.Portal.Features.Calendars;

namespace Telephony.Portal.Components.Pages.Manage.Calendars;

/// <summary>What the calendar forms post: a name, opening hours types as rows of day boxes and times, closure rows.</summary>
public sealed class CalendarForm
{
    public const int HoursRows = 3;
    public const int ClosureRows = 5;

    public string? Name { get; set; }

    /// <summary>The new-calendar wizard's step: 1 name and hours, 2 closures.</summary>
    public int Step { get; set; } = 1;

    /// <summary>The wizard's "Back" button was pressed.</summary>
    public bool Back { get; set; }

    public List<HoursRow> Hours { get; set; } = [.. Enumerable.Range(0, HoursRows).Select(_ => new HoursRow())];

    public List<ClosureRow> Closures { get; set; } = [.. Enumerable.Range(0, ClosureRows).Select(_ => new ClosureRow())];

    public static CalendarForm From(CalendarView calendar)
    {
        var form = new CalendarForm { Name = calendar.Name };
        form.Hours = [.. calendar.OpeningHours.Select(HoursRow.From), .. Enumerable.Range(0, Math.Max(1, HoursRows - calendar.OpeningHours.Count)).Select(_ => new HoursRow())];
        form.Closures = [.. calendar.Closures.Select(c => new ClosureRow { First = c.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Last = c.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }), .. Enumerable.Range(0, 3).Select(_ => new ClosureRow())];
        return form;
    }

    /// <summary>The rows the manager filled (a row with no day and no time is an unused row).</summary>
    public Result<IReadOnlyList<OpeningHours>> OpeningHours()
    {
        // Filled rows first, so row i of the form is type i of the calendar (and of its errors).
        Hours = [.. Hours.Where(r => !r.IsBlank), .. Hours.Where(r => r.IsBlank)];
        var errors = new List<FieldError>();
        var types = new List<OpeningHours>();
        foreach (var row in Hours.Where(r => !r.IsBlank))
        {
            var index = types.Count;
            TimeOnly? Parse(string? value, string field, bool required)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    if (required)
                    {
                        errors.Add(new FieldError($"OpeningHours[{index}].{field}", "Enter a time (HH:MM)."));
                    }

                    return null;
                }

                if (TimeOnly.TryParse(value, CultureInfo.InvariantCulture, out var time))
                {
                    return time;
                }

                errors.Add(new FieldError($"OpeningHours[{index}].{field}", "Enter a time (HH:MM)."));
                return null;
            }

            var start = Parse(row.Start, "Start", true);
            var end = Parse(row.End, "End", true);
            var afternoonStart = Parse(row.AfternoonStart, "AfternoonStart", false);
            var afternoonEnd = Parse(row.AfternoonEnd, "AfternoonEnd", false);
            types.Add(new OpeningHours(row.Days(), start ?? default, end ?? default, afternoonStart, afternoonEnd));
        }

        return errors.Count > 0 ? Error.Invalid(errors) : types;
    }

    public Result<IReadOnlyList<ClosurePeriod>> ClosurePeriods()
    {
        var errors = new List<FieldError>();
        var periods = new List<ClosurePeriod>();
        Closures = [.. Closures.Where(r => !r.IsBlank), .. Closures.Where(r => r.IsBlank)];
        foreach (var row in Closures.Where(r => !r.IsBlank))
        {
            var index = periods.Count;
            var first = DateOnly.TryParse(row.First, CultureInfo.InvariantCulture, out var f) ? f : (DateOnly?)null;
            var last = string.IsNullOrWhiteSpace(row.Last) ? first : DateOnly.TryParse(row.Last, CultureInfo.InvariantCulture, out var l) ? l : null;
            if (first is null || last is null)
            {
                errors.Add(new FieldError($"Closures[{index}].LastDay", "Enter the first day (and the last day of a period)."));
                continue;
            }

            periods.Add(new ClosurePeriod(first.Value, last.Value));
        }

        return errors.Count > 0 ? Error.Invalid(errors) : periods;
    }

    public sealed class HoursRow
    {
        public bool Monday { get; set; }

        public bool Tuesday { get; set; }

        public bool Wednesday { get; set; }

        public bool Thursday { get; set; }

        public bool Friday { get; set; }

        public bool Saturday { get; set; }

        public bool Sunday { get; set; }

        public string? Start { get; set; }

        public string? End { get; set; }

        public string? AfternoonStart { get; set; }

        public string? AfternoonEnd { get; set; }

        public bool IsBlank => Days().Count == 0 && string.IsNullOrWhiteSpace(Start) && string.IsNullOrWhiteSpace(End);

        public IReadOnlyList<DayOfWeek> Days() =>
            new (bool On, DayOfWeek Day)[]
            {
                (Monday, DayOfWeek.Monday), (Tuesday, DayOfWeek.Tuesday), (Wednesday, DayOfWeek.Wednesday), (Thursday, DayOfWeek.Thursday),
                (Friday, DayOfWeek.Friday), (Saturday, DayOfWeek.Saturday), (Sunday, DayOfWeek.Sunday),
            }.Where(d => d.On).Select(d => d.Day).ToList();

        public bool Has(DayOfWeek day) => Days().Contains(day);

        public static HoursRow From(OpeningHours hours) => new()
        {
            Monday = hours.Days.Contains(DayOfWeek.Monday),
            Tuesday = hours.Days.Contains(DayOfWeek.Tuesday),
            Wednesday = hours.Days.Contains(DayOfWeek.Wednesday),
            Thursday = hours.Days.Contains(DayOfWeek.Thursday),
            Friday = hours.Days.Contains(DayOfWeek.Friday),
            Saturday = hours.Days.Contains(DayOfWeek.Saturday),
            Sunday = hours.Days.Contains(DayOfWeek.Sunday),
            Start = hours.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
            End = hours.End.ToString("HH:mm", CultureInfo.InvariantCulture),
            AfternoonStart = hours.AfternoonStart?.ToString("HH:mm", CultureInfo.InvariantCulture),
            AfternoonEnd = hours.AfternoonEnd?.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
    }

    public sealed class ClosureRow
    {
        public string? First { get; set; }

        public string? Last { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(First) && string.IsNullOrWhiteSpace(Last);
    }
}
