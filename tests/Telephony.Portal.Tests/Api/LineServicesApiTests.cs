using System.Net;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Features.Calendars;
using Telephony.Portal.Features.Lines;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

[Collection(PortalApiCollection.Name)]
public sealed class LineServicesApiTests(PortalApiFixture api)
{
    private static readonly object OfficeHours = new { days = (string[])["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], start = "09:00:00", end = "12:00:00", afternoonStart = "14:00:00", afternoonEnd = "18:00:00" };

    [Fact]
    public async Task GetServices_OfANewFixedLine_AreTheSpecDefaults()
    {
        var (client, line) = await LineAsync();

        var services = await OkAsync<LineServices>(await client.GetAsync($"/api/v1/lines/{line.Id}/services"));

        Assert.Equal(new Forward(true, ForwardTarget.Voicemail), services.Forwarding.Busy);
        Assert.True(services.Outgoing.CallbackOnBusy);
        Assert.True(services.Announcements.Hold.Enabled);
    }

    [Fact]
    public async Task SetForwarding_OnBusyToAMobile_IsSaved_AndA0899ForwardIsRefusedNamingTheRule()
    {
        var (client, line) = await LineAsync();

        var saved = await OkAsync<LineServices>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/forwarding", new
        {
            busy = new { enabled = true, target = "Number", number = "06 12 34 56 78" },
            noAnswer = new { enabled = true, target = "Voicemail" },
            noAnswerRings = 4,
        }));
        Assert.Equal(new Forward(true, ForwardTarget.Number, "+33612345678"), saved.Forwarding.Busy);
        Assert.Equal(4, saved.Forwarding.NoAnswerRings);
        Assert.False(saved.Forwarding.Unreachable.Enabled);

        var problem = await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/forwarding", new { immediate = new { enabled = true, target = "Number", number = "0899123456" } }), HttpStatusCode.BadRequest);
        Assert.Equal(["Calls cannot be forwarded to 08 numbers (special rate services)."], FieldErrors(problem, "immediate.number"));
        Assert.Equal(saved.Forwarding.Busy, (await OkAsync<LineServices>(await client.GetAsync($"/api/v1/lines/{line.Id}/services"))).Forwarding.Busy);
    }

    [Fact]
    public async Task ScheduledForwarding_WithACalendar_ThenTheCalendarCannotBeDeleted()
    {
        var (client, line) = await LineAsync();
        var calendar = await OkAsync<CalendarView>(await client.PostJsonAsync("/api/v1/calendars", new { name = $"Office {Guid.NewGuid():N}"[..20], openingHours = (object[])[OfficeHours] }), HttpStatusCode.Created);

        var saved = await OkAsync<LineServices>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/forwarding", new
        {
            scheduled = new { enabled = true, target = "Number", number = "0612345678" },
            scheduleCalendarId = calendar.Id,
        }));
        Assert.Equal(calendar.Id, saved.Forwarding.ScheduleCalendarId);

        var problem = await ProblemAsync(await client.DeleteAsync($"/api/v1/calendars/{calendar.Id}"), HttpStatusCode.Conflict);
        Assert.Contains($"{line.DisplayName} (scheduled forwarding)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal([line.Id], (await OkAsync<CalendarView>(await client.GetAsync($"/api/v1/calendars/{calendar.Id}"))).UsedBy.Select(u => u.LineId));
    }

    [Fact]
    public async Task ScheduledForwarding_WithAnUnknownOrOtherCompanysCalendar_IsRefused()
    {
        var (client, line) = await LineAsync();
        var betaCalendar = await OkAsync<CalendarView>(await api.BetaClient().PostJsonAsync("/api/v1/calendars", new { name = $"Beta {Guid.NewGuid():N}"[..20], openingHours = (object[])[OfficeHours] }), HttpStatusCode.Created);

        foreach (var calendarId in new[] { Guid.NewGuid(), betaCalendar.Id })
        {
            var problem = await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/forwarding", new { scheduled = new { enabled = true, target = "Voicemail" }, scheduleCalendarId = calendarId }), HttpStatusCode.BadRequest);
            Assert.Equal("calendar.not-found", Code(problem));
        }
    }

    [Fact]
    public async Task BlockedNumbers_AddUpTo36_The37thIsRefused_DeleteOne_Reset()
    {
        var (client, line) = await LineAsync();
        var numbers = Enumerable.Range(0, 36).Select(i => $"01 99 99 00 {i:D2}").ToList();
        Assert.Equal(36, (await OkAsync<LineServices>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/blocked-numbers", new { numbers }))).BlockedNumbers.Count);

        var problem = await ProblemAsync(await client.PostJsonAsync($"/api/v1/lines/{line.Id}/services/blocked-numbers", new { number = "0612345678" }), HttpStatusCode.BadRequest);
        Assert.Equal("blocked.full", Code(problem));
        Assert.Equal(["At most 36 numbers can be blocked; delete one first."], FieldErrors(problem, "number"));

        var afterDelete = await OkAsync<LineServices>(await client.DeleteAsync($"/api/v1/lines/{line.Id}/services/blocked-numbers/{Uri.EscapeDataString("+33199990000")}"));
        Assert.Equal(35, afterDelete.BlockedNumbers.Count);
        Assert.Contains("+33612345678", (await OkAsync<LineServices>(await client.PostJsonAsync($"/api/v1/lines/{line.Id}/services/blocked-numbers", new { number = "0612345678" }))).BlockedNumbers);
        Assert.Empty((await OkAsync<LineServices>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/blocked-numbers", new { numbers = Array.Empty<string>() }))).BlockedNumbers);
    }

    [Fact]
    public async Task IncomingCalls_DndAndMultiRing_AreSaved_SixNumbersRefused()
    {
        var (client, line) = await LineAsync();

        var saved = await OkAsync<LineServices>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/incoming-calls", new
        {
            doNotDisturb = true,
            callWaiting = true,
            multiRing = new { enabled = true, mode = "Sequential", numbers = (string[])["+33612345678", "+32470123456"], rings = 2 },
        }));
        Assert.True(saved.Incoming.DoNotDisturb && saved.Incoming.CallWaiting);
        Assert.Equal(["+33612345678", "+32470123456"], saved.Incoming.MultiRing.Numbers);

        var six = Enumerable.Range(0, 6).Select(i => $"+3361234567{i}").ToArray();
        var problem = await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/incoming-calls", new { multiRing = new { enabled = true, numbers = six } }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(FieldErrors(problem, "multiRing.numbers"));
    }

    [Fact]
    public async Task OutgoingCalls_AlternativeNumberAndRestriction_AreSaved()
    {
        var (client, line) = await LineAsync();

        var saved = await OkAsync<LineServices>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/outgoing-calls", new { callerId = "Alternative", alternativeNumber = "01 99 10 00 00", callbackOnBusy = false, restriction = "NationalFixedMondayToFriday" }));

        Assert.Equal(new OutgoingCalls { CallerId = CallerIdMode.Alternative, AlternativeNumber = "+33199100000", CallbackOnBusy = false, Restriction = RestrictionProfile.NationalFixedMondayToFriday }, saved.Outgoing);
        await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/outgoing-calls", new { restriction = "Everything" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnnouncementsAndVoicemailNotification_AreSaved()
    {
        var (client, line) = await LineAsync();

        var announcements = await OkAsync<LineServices>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/announcements", new { greeting = new { enabled = true, interruptible = false }, hold = new { enabled = false }, callWaiting = new { enabled = true } }));
        Assert.Equal((true, false, false, true), (announcements.Announcements.Greeting.Enabled, announcements.Announcements.Greeting.Interruptible, announcements.Announcements.Hold.Enabled, announcements.Announcements.CallWaiting.Enabled));

        var notification = await OkAsync<LineServices>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/voicemail-notification", new { mode = "NotifyWithAudio", email = "me@alpha.example.com", audioFormat = "Mp3" }));
        Assert.Equal(new VoicemailNotification { Mode = VoicemailNotificationMode.NotifyWithAudio, Email = "me@alpha.example.com", AudioFormat = VoicemailAudioFormat.Mp3 }, notification.VoicemailNotification);
        await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/voicemail-notification", new { mode = "Notify", email = "nope" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task EveryServiceEndpoint_OnAnotherCompanysLine_Is404AndChangesNothing()
    {
        var (beta, betaLine) = await LineAsync(api.BetaClient());
        using var alpha = api.AlphaClient();
        var path = $"/api/v1/lines/{betaLine.Id}/services";

        await ProblemAsync(await alpha.GetAsync(path), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PutJsonAsync(path + "/outgoing-calls", new { callerId = "Hidden" }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PutJsonAsync(path + "/incoming-calls", new { doNotDisturb = true }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PutJsonAsync(path + "/announcements", new { greeting = new { enabled = true } }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PutJsonAsync(path + "/blocked-numbers", new { numbers = (string[])["0612345678"] }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PostJsonAsync(path + "/blocked-numbers", new { number = "0612345678" }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.DeleteAsync(path + "/blocked-numbers/0612345678"), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PutJsonAsync(path + "/forwarding", new { immediate = new { enabled = true, target = "Number", number = "0612345678" } }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PutJsonAsync(path + "/voicemail-notification", new { mode = "Notify", email = "x@example.com" }), HttpStatusCode.NotFound);

        var untouched = await OkAsync<LineServices>(await beta.GetAsync(path));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(LineServices.DefaultsFor(Telephony.Portal.Domain.Lines.LineKind.Fixed)), System.Text.Json.JsonSerializer.Serialize(untouched));
    }

    private async Task<(HttpClient Client, LineDetail Line)> LineAsync(HttpClient? client = null)
    {
        client ??= api.AlphaClient();
        var site = await SiteApiTests.CreateAsync(client, $"Services {Guid.NewGuid():N}"[..20], "75018", "Paris");
        var line = await OkAsync<LineDetail>(await client.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Serge", lastName = "Vices", email = $"serge.{Guid.NewGuid():N}@example.com" }), HttpStatusCode.Created);
        return (client, line);
    }
}
