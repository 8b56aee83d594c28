using System.Net;
using Telephony.Portal.Features.Calendars;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

[Collection(PortalApiCollection.Name)]
public sealed class CalendarApiTests(PortalApiFixture api)
{
    private static readonly object Weekdays = new { days = (string[])["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], start = "08:30:00", end = "17:30:00" };

    [Fact]
    public async Task CreateCalendar_WithHoursAndClosures_IsReadBackAndListed()
    {
        using var alpha = api.AlphaClient();

        var calendar = await OkAsync<CalendarView>(await alpha.PostJsonAsync("/api/v1/calendars", new
        {
            name = "Head office hours",
            openingHours = (object[])[Weekdays, new { days = (string[])["Saturday"], start = "09:00:00", end = "12:00:00" }],
            closures = (object[])[new { firstDay = "2026-12-24", lastDay = "2026-12-26" }, new { firstDay = "2027-01-01", lastDay = "2027-01-01" }],
        }), HttpStatusCode.Created);

        Assert.Equal(2, calendar.OpeningHours.Count);
        Assert.Equal(new DateOnly(2026, 12, 24), calendar.Closures[0].FirstDay);
        Assert.Contains(await OkAsync<List<CalendarView>>(await alpha.GetAsync("/api/v1/calendars")), c => c.Id == calendar.Id);
    }

    [Fact]
    public async Task CreateCalendar_WithOverlappingHours_Is400OnThatField()
    {
        var problem = await ProblemAsync(await api.AlphaClient().PostJsonAsync("/api/v1/calendars", new
        {
            name = "Overlap",
            openingHours = (object[])[new { days = (string[])["Monday"], start = "09:00:00", end = "13:00:00", afternoonStart = "12:00:00", afternoonEnd = "18:00:00" }],
        }), HttpStatusCode.BadRequest);

        Assert.Equal(["The hours overlap: the second opening starts after the first one ends."], FieldErrors(problem, "openingHours[0].afternoonStart"));
    }

    [Fact]
    public async Task CalendarNames_AreUniqueInTheCompanyOnly()
    {
        var name = $"Shared name {Guid.NewGuid():N}"[..24];
        await OkAsync<CalendarView>(await api.AlphaClient().PostJsonAsync("/api/v1/calendars", new { name, openingHours = (object[])[Weekdays] }), HttpStatusCode.Created);

        var duplicate = await ProblemAsync(await api.AlphaClient().PostJsonAsync("/api/v1/calendars", new { name, openingHours = (object[])[Weekdays] }), HttpStatusCode.Conflict);
        Assert.NotEmpty(FieldErrors(duplicate, "name"));
        await OkAsync<CalendarView>(await api.BetaClient().PostJsonAsync("/api/v1/calendars", new { name, openingHours = (object[])[Weekdays] }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task RenameChangeHoursAndClosures_ThenDeleteUnused()
    {
        using var alpha = api.AlphaClient();
        var calendar = await OkAsync<CalendarView>(await alpha.PostJsonAsync("/api/v1/calendars", new { name = $"Temp {Guid.NewGuid():N}"[..16], openingHours = (object[])[Weekdays] }), HttpStatusCode.Created);

        Assert.Equal("Summer hours", (await OkAsync<CalendarView>(await alpha.PatchJsonAsync($"/api/v1/calendars/{calendar.Id}", new { name = "Summer hours" }))).Name);
        var hours = await OkAsync<CalendarView>(await alpha.PutJsonAsync($"/api/v1/calendars/{calendar.Id}/opening-hours", new { openingHours = (object[])[new { days = (string[])["Monday"], start = "10:00:00", end = "16:00:00" }] }));
        Assert.Equal([DayOfWeek.Monday], hours.OpeningHours.Single().Days);
        await ProblemAsync(await alpha.PutJsonAsync($"/api/v1/calendars/{calendar.Id}/opening-hours", new { openingHours = Array.Empty<object>() }), HttpStatusCode.BadRequest);
        var closures = await OkAsync<CalendarView>(await alpha.PutJsonAsync($"/api/v1/calendars/{calendar.Id}/closures", new { closures = (object[])[new { firstDay = "2026-08-01", lastDay = "2026-08-15" }] }));
        Assert.Single(closures.Closures);
        await ProblemAsync(await alpha.PutJsonAsync($"/api/v1/calendars/{calendar.Id}/closures", new { closures = (object[])[new { firstDay = "2026-08-15", lastDay = "2026-08-01" }] }), HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.NoContent, (await alpha.DeleteAsync($"/api/v1/calendars/{calendar.Id}")).StatusCode);
        await ProblemAsync(await alpha.GetAsync($"/api/v1/calendars/{calendar.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReplaceCalendar_ChangesEverythingTogether_OrNothing()
    {
        using var alpha = api.AlphaClient();
        var calendar = await OkAsync<CalendarView>(await alpha.PostJsonAsync("/api/v1/calendars", new { name = $"Whole {Guid.NewGuid():N}"[..16], openingHours = (object[])[Weekdays] }), HttpStatusCode.Created);

        var refused = await ProblemAsync(await alpha.PutJsonAsync($"/api/v1/calendars/{calendar.Id}", new
        {
            name = "Renamed",
            openingHours = (object[])[new { days = (string[])["Monday"], start = "18:00:00", end = "09:00:00" }],
        }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(FieldErrors(refused, "openingHours[0].end"));
        Assert.Equal(calendar.Name, (await OkAsync<CalendarView>(await alpha.GetAsync($"/api/v1/calendars/{calendar.Id}"))).Name);

        var replaced = await OkAsync<CalendarView>(await alpha.PutJsonAsync($"/api/v1/calendars/{calendar.Id}", new
        {
            name = "Renamed",
            openingHours = (object[])[new { days = (string[])["Sunday"], start = "10:00:00", end = "12:00:00" }],
            closures = (object[])[new { firstDay = "2027-05-01", lastDay = "2027-05-01" }],
        }));
        Assert.Equal(("Renamed", DayOfWeek.Sunday, 1), (replaced.Name, replaced.OpeningHours.Single().Days.Single(), replaced.Closures.Count));
    }

    [Fact]
    public async Task CalendarOfAnotherCompany_Is404Everywhere()
    {
        var beta = await OkAsync<CalendarView>(await api.BetaClient().PostJsonAsync("/api/v1/calendars", new { name = $"Beta cal {Guid.NewGuid():N}"[..20], openingHours = (object[])[Weekdays] }), HttpStatusCode.Created);
        using var alpha = api.AlphaClient();
        var path = $"/api/v1/calendars/{beta.Id}";

        await ProblemAsync(await alpha.GetAsync(path), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PatchJsonAsync(path, new { name = "Mine" }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PutJsonAsync(path + "/opening-hours", new { openingHours = (object[])[Weekdays] }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PutJsonAsync(path + "/closures", new { closures = Array.Empty<object>() }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PutJsonAsync(path, new { name = "Mine", openingHours = (object[])[Weekdays] }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.DeleteAsync(path), HttpStatusCode.NotFound);
        Assert.DoesNotContain(await OkAsync<List<CalendarView>>(await alpha.GetAsync("/api/v1/calendars")), c => c.Id == beta.Id);
        Assert.Equal(beta.Name, (await OkAsync<CalendarView>(await api.BetaClient().GetAsync(path))).Name);
    }
}
