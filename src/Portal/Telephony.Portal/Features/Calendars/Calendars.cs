using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Calendars;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Calendars;

public sealed record CalendarRequest(string? Name, IReadOnlyList<OpeningHours>? OpeningHours, IReadOnlyList<ClosurePeriod>? Closures);

public sealed record RenameCalendarRequest(string? Name);

public sealed record OpeningHoursRequest(IReadOnlyList<OpeningHours>? OpeningHours);

public sealed record ClosuresRequest(IReadOnlyList<ClosurePeriod>? Closures);

/// <summary>Something that uses a calendar, for the manager to see before deleting it.</summary>
public sealed record CalendarUse(Guid LineId, string LineName, string Usage);

public sealed record CalendarView(Guid Id, string Name, IReadOnlyList<OpeningHours> OpeningHours, IReadOnlyList<ClosurePeriod> Closures, IReadOnlyList<CalendarUse> UsedBy);

/// <summary>
/// S-CAL: the tenant's calendars. Created in one go (the wizard's two steps: name and hours,
/// then closures), renamed, hours or closures changed, deleted only when nothing uses them.
/// Calendars are part of the routing snapshot: CallControl evaluates them.
/// </summary>
public sealed class Calendars(PortalDbContext db, TenantContext tenantContext, TimeProvider time)
{
    private static readonly Error NotFound = Error.NotFound("calendar.not-found", "This calendar does not exist.");

    public async Task<IReadOnlyList<CalendarView>> ListAsync(CancellationToken cancellationToken)
    {
        var calendars = await db.Calendars.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var uses = await UsesAsync(cancellationToken);
        return calendars.Select(c => View(c, uses)).ToList();
    }

    public async Task<Result<CalendarView>> GetAsync(Guid calendarId, CancellationToken cancellationToken)
    {
        var calendar = await db.Calendars.AsNoTracking().SingleOrDefaultAsync(c => c.Id == calendarId, cancellationToken);
        return calendar is null ? NotFound : View(calendar, await UsesAsync(cancellationToken));
    }

    public async Task<Result<CalendarView>> CreateAsync(CalendarRequest request, CancellationToken cancellationToken)
    {
        var created = Calendar.Create(tenantContext.RequireTenantId(), request.Name, request.OpeningHours, request.Closures, time.GetUtcNow().UtcDateTime);
        if (!created.Succeeded)
        {
            return created.Error!;
        }

        if (await NameTakenAsync(created.Value!.Name, null, cancellationToken) is { } taken)
        {
            return taken;
        }

        db.Calendars.Add(created.Value!);
        await db.SaveChangesAsync(cancellationToken);
        return View(created.Value!, []);
    }

    /// <summary>Name, hours and closures replaced together (the calendar page's one form), or nothing changes.</summary>
    public Task<Result<CalendarView>> ChangeAsync(Guid calendarId, CalendarRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(calendarId, async c =>
        {
            var errors = new[] { c.Rename(request.Name), c.ChangeOpeningHours(request.OpeningHours ?? []), c.ChangeClosures(request.Closures ?? []) }
                .OfType<Error>().SelectMany(e => e.Fields).ToList();
            return errors.Count > 0 ? Error.Invalid(errors) : await NameTakenAsync(c.Name, c.Id, cancellationToken);
        }, cancellationToken);

    public Task<Result<CalendarView>> RenameAsync(Guid calendarId, RenameCalendarRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(calendarId, async c => c.Rename(request.Name) ?? await NameTakenAsync(c.Name, c.Id, cancellationToken), cancellationToken);

    public Task<Result<CalendarView>> ChangeOpeningHoursAsync(Guid calendarId, OpeningHoursRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(calendarId, c => Task.FromResult(c.ChangeOpeningHours(request.OpeningHours ?? [])), cancellationToken);

    public Task<Result<CalendarView>> ChangeClosuresAsync(Guid calendarId, ClosuresRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(calendarId, c => Task.FromResult(c.ChangeClosures(request.Closures ?? [])), cancellationToken);

    /// <summary>Refused while anything uses the calendar, naming each user.</summary>
    public async Task<Error?> DeleteAsync(Guid calendarId, CancellationToken cancellationToken)
    {
        var calendar = await db.Calendars.SingleOrDefaultAsync(c => c.Id == calendarId, cancellationToken);
        if (calendar is null)
        {
            return NotFound;
        }

        var uses = (await UsesAsync(cancellationToken)).GetValueOrDefault(calendarId, []);
        if (uses.Count > 0)
        {
            return Error.Conflict("calendar.in-use", $"This calendar is in use: {string.Join(", ", uses.Select(u => $"{u.LineName} ({u.Usage})"))}. Change those settings first.");
        }

        db.Calendars.Remove(calendar);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<Result<CalendarView>> ChangeAsync(Guid calendarId, Func<Calendar, Task<Error?>> change, CancellationToken cancellationToken)
    {
        var calendar = await db.Calendars.SingleOrDefaultAsync(c => c.Id == calendarId, cancellationToken);
        if (calendar is null)
        {
            return NotFound;
        }

        if (await change(calendar) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(cancellationToken);
        return View(calendar, await UsesAsync(cancellationToken));
    }

    private async Task<Error?> NameTakenAsync(string name, Guid? except, CancellationToken cancellationToken) =>
        await db.Calendars.AnyAsync(c => c.Name == name && c.Id != except, cancellationToken)
            ? Error.Conflict("calendar.name-taken", $"A calendar named '{name}' already exists.", "Name")
            : null;

    /// <summary>Calendar id → what uses it (a tenant's lines are few enough to read whole).</summary>
    private async Task<Dictionary<Guid, List<CalendarUse>>> UsesAsync(CancellationToken cancellationToken)
    {
        var uses = new Dictionary<Guid, List<CalendarUse>>();
        void Add(Guid? calendarId, Domain.Lines.Line line, string usage)
        {
            if (calendarId is { } id)
            {
                (uses.TryGetValue(id, out var list) ? list : uses[id] = []).Add(new CalendarUse(line.Id, line.DisplayName, usage));
            }
        }

        foreach (var line in await db.Lines.AsNoTracking().ToListAsync(cancellationToken))
        {
            Add(line.Services.Forwarding.ScheduleCalendarId, line, "scheduled forwarding");
            Add(line.Services.Announcements.Greeting.CalendarId, line, "greeting");
        }

        return uses;
    }

    private static CalendarView View(Calendar c, Dictionary<Guid, List<CalendarUse>> uses) =>
        new(c.Id, c.Name, c.OpeningHours, c.Closures, uses.GetValueOrDefault(c.Id, []));
}
