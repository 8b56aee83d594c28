using Microsoft.AspNetCore.Http.HttpResults;
using Telephony.Portal.Infrastructure.Api;

namespace Telephony.Portal.Features.Calendars;

internal static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var calendars = api.MapGroup("/calendars").WithTags("Calendars");
        calendars.MapGet("", async (Calendars c, CancellationToken ct) => TypedResults.Ok(await c.ListAsync(ct))).WithName("ListCalendars");
        calendars.MapPost("", CreateAsync).WithName("CreateCalendar").WithSummary("Create a calendar: name, opening hours types, closures (S-CAL).");
        calendars.MapGet("/{calendarId:guid}", async (Calendars c, Guid calendarId, CancellationToken ct) => (await c.GetAsync(calendarId, ct)).ToOk()).WithName("GetCalendar");
        calendars.MapPut("/{calendarId:guid}", async (Calendars c, Guid calendarId, CalendarRequest body, CancellationToken ct) => (await c.ChangeAsync(calendarId, body, ct)).ToOk())
            .WithName("ReplaceCalendar").WithSummary("Replace a calendar's name, opening hours and closures together.");
        calendars.MapPatch("/{calendarId:guid}", async (Calendars c, Guid calendarId, RenameCalendarRequest body, CancellationToken ct) => (await c.RenameAsync(calendarId, body, ct)).ToOk()).WithName("RenameCalendar");
        calendars.MapPut("/{calendarId:guid}/opening-hours", async (Calendars c, Guid calendarId, OpeningHoursRequest body, CancellationToken ct) => (await c.ChangeOpeningHoursAsync(calendarId, body, ct)).ToOk())
            .WithName("SetCalendarOpeningHours");
        calendars.MapPut("/{calendarId:guid}/closures", async (Calendars c, Guid calendarId, ClosuresRequest body, CancellationToken ct) => (await c.ChangeClosuresAsync(calendarId, body, ct)).ToOk())
            .WithName("SetCalendarClosures");
        calendars.MapDelete("/{calendarId:guid}", async (Calendars c, Guid calendarId, CancellationToken ct) => (await c.DeleteAsync(calendarId, ct)).ToNoContent())
            .WithName("DeleteCalendar").WithSummary("Delete a calendar nothing uses.");
    }

    private static async Task<Results<Created<CalendarView>, ProblemHttpResult>> CreateAsync(Calendars calendars, CalendarRequest body, CancellationToken cancellationToken) =>
        (await calendars.CreateAsync(body, cancellationToken)).ToCreated(c => $"/api/v1/calendars/{c.Id}");
}
