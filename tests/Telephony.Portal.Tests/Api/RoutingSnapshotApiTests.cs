using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Contracts.Routing;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.Tenants;
using Telephony.Portal.Infrastructure.Persistence;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

/// <summary>Every routing-relevant change made through the API stages the tenant's next snapshot, in the same save.</summary>
[Collection(PortalApiCollection.Name)]
public sealed class RoutingSnapshotApiTests(PortalApiFixture api)
{
    [Fact]
    public async Task ActivateSuspendAndDelete_EachStageANewerSnapshotSayingSo()
    {
        var (tenantId, token) = await api.Host.CreateCompanyAsync("Snapshot Api Co");
        using var company = api.Host.Client(token);
        var site = await SiteApiTests.CreateAsync(company, "Snapshot HQ", "75017", "Paris");
        var start = await LatestAsync(tenantId);

        var line = await OkAsync<LineDetail>(await company.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Snap", lastName = "Shot", email = "snap.shot@snapshot.example.com", shortNumber = "77" }), HttpStatusCode.Created);
        var activated = await LatestAsync(tenantId);
        Assert.True(activated.Version > start.Version);
        Assert.Equal(("77", line.PublicNumber), (Assert.Single(activated.Lines).ShortNumber, activated.Lines[0].PublicNumber));

        await OkAsync<TenantDetail>(await api.OperatorClient().PostAsync($"/api/v1/operator/tenants/{tenantId}/suspend", null));
        var suspended = await LatestAsync(tenantId);
        Assert.True(suspended.Version > activated.Version);
        Assert.True(suspended.Suspended);
        await OkAsync<TenantDetail>(await api.OperatorClient().PostAsync($"/api/v1/operator/tenants/{tenantId}/reactivate", null));

        Assert.Equal(HttpStatusCode.NoContent, (await company.DeleteAsync($"/api/v1/lines/{line.Id}")).StatusCode);
        var deleted = await LatestAsync(tenantId);
        Assert.True(deleted.Version > suspended.Version + 1);
        Assert.False(deleted.Suspended);
        Assert.Empty(deleted.Lines);
    }

    [Fact]
    public async Task ForwardingAndCalendarChanges_AreInTheNextSnapshot()
    {
        var (tenantId, token) = await api.Host.CreateCompanyAsync("Services Snapshot Co");
        using var company = api.Host.Client(token);
        var site = await SiteApiTests.CreateAsync(company, "HQ", "75019", "Paris");
        var line = await OkAsync<LineDetail>(await company.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Fwd", lastName = "Snap", email = "fwd.snap@services.example.com" }), HttpStatusCode.Created);
        Assert.Equal("Voicemail", Assert.Single((await LatestAsync(tenantId)).Lines).Services!.Forwarding.Busy.Target);

        var calendar = await OkAsync<Telephony.Portal.Features.Calendars.CalendarView>(await company.PostJsonAsync("/api/v1/calendars", new
        {
            name = "Office",
            openingHours = (object[])[new { days = (string[])["Monday"], start = "09:00:00", end = "17:00:00" }],
        }), HttpStatusCode.Created);
        var withCalendar = await LatestAsync(tenantId);
        Assert.Equal(["Monday"], Assert.Single(withCalendar.Calendars).OpeningHours.Single().Days);

        await OkAsync<object>(await company.PutJsonAsync($"/api/v1/lines/{line.Id}/services/forwarding", new
        {
            busy = new { enabled = true, target = "Number", number = "0612345678" },
            scheduled = new { enabled = true, target = "Voicemail" },
            scheduleCalendarId = calendar.Id,
        }));
        var forwarded = await LatestAsync(tenantId);
        Assert.True(forwarded.Version > withCalendar.Version);
        var forwarding = Assert.Single(forwarded.Lines).Services!.Forwarding;
        Assert.Equal(new RoutingForward(true, "Number", "+33612345678"), forwarding.Busy);
        Assert.Equal(calendar.Id, forwarding.ScheduleCalendarId);

        await OkAsync<object>(await company.PutJsonAsync($"/api/v1/lines/{line.Id}/services/incoming-calls", new { doNotDisturb = true }));
        Assert.True(Assert.Single((await LatestAsync(tenantId)).Lines).Services!.DoNotDisturb);
    }

    [Fact]
    public async Task PickupGroupMembership_IsInTheNextSnapshot_AndLeavesWithTheGroup()
    {
        var (tenantId, token) = await api.Host.CreateCompanyAsync("Pickup Snapshot Co");
        using var company = api.Host.Client(token);
        var site = await SiteApiTests.CreateAsync(company, "HQ", "75010", "Paris");
        var line = await OkAsync<LineDetail>(await company.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Pick", lastName = "Up", email = "pick.up@pickup-snapshot.example.com" }), HttpStatusCode.Created);

        var group = await OkAsync<Telephony.Portal.Features.PickupGroups.PickupGroupView>(await company.PostJsonAsync("/api/v1/pickup-groups", new { name = "Desk", siteId = site.Id, memberIds = (Guid[])[line.Id] }), HttpStatusCode.Created);
        Assert.Equal(group.Id, Assert.Single((await LatestAsync(tenantId)).Lines).PickupGroupId);

        Assert.Equal(HttpStatusCode.NoContent, (await company.DeleteAsync($"/api/v1/pickup-groups/{group.Id}")).StatusCode);
        Assert.Null(Assert.Single((await LatestAsync(tenantId)).Lines).PickupGroupId);
    }

    [Fact]
    public async Task DirectorySpeedDials_AreInTheNextSnapshot()
    {
        var (tenantId, token) = await api.Host.CreateCompanyAsync("Speed Dial Snapshot Co");
        using var company = api.Host.Client(token);

        await OkAsync<object>(await company.PostJsonAsync("/api/v1/directory/contacts/import", new { csv = "Name,Number,ShortNumber\nTaxi,0149361010,901\nNo speed dial,0140000000,\n" }));

        Assert.Equal([new RoutingSpeedDial("901", "+33149361010")], (await LatestAsync(tenantId)).SpeedDials);
    }

    [Fact]
    public async Task MobileAssociation_IsInTheSnapshotOnlyOnceActive()
    {
        var (tenantId, token) = await api.Host.CreateCompanyAsync("Mobile Snapshot Co");
        await OkAsync<object>(await api.OperatorClient().PutJsonAsync($"/api/v1/operator/tenants/{tenantId}/subscription", new { plans = new { Fixed = 1, Mobile = 1 } }));
        await api.Host.AddPoolNumbersAsync("0639997000", 1);
        using var company = api.Host.Client(token);
        var site = await SiteApiTests.CreateAsync(company, "HQ", "75010", "Paris");
        var mobileSite = (await OkAsync<Telephony.Portal.Features.Page<Telephony.Portal.Features.Sites.SiteSummary>>(await company.GetAsync("/api/v1/sites"))).Items.Single(s => s.IsMobileLinesSite);
        var line = await OkAsync<LineDetail>(await company.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Fix", lastName = "Ed", email = "fix.ed@mobile-snapshot.example.com" }), HttpStatusCode.Created);
        var mobile = await OkAsync<LineDetail>(await company.PostJsonAsync("/api/v1/lines", new { siteId = mobileSite.Id, kind = "Mobile", firstName = "Mo", lastName = "Bile", email = "mo.bile@mobile-snapshot.example.com" }), HttpStatusCode.Created);

        await OkAsync<object>(await company.PutJsonAsync($"/api/v1/lines/{line.Id}/mobile", new { mobileLineId = mobile.Id }));
        Assert.Null((await LatestAsync(tenantId)).Lines.Single(l => l.LineId == line.Id).AssociatedMobileLineId);

        await OkAsync<object>(await api.OperatorClient().PostAsync($"/api/v1/operator/mobile-associations/{tenantId}/{line.Id}/confirm", null));
        Assert.Equal(mobile.Id, (await LatestAsync(tenantId)).Lines.Single(l => l.LineId == line.Id).AssociatedMobileLineId);
    }

    [Fact]
    public async Task HuntGroupMembers_AreInTheSnapshotInOrderWithTheirPresence()
    {
        var (tenantId, token) = await api.Host.CreateCompanyAsync("Hunt Snapshot Co");
        await OkAsync<object>(await api.OperatorClient().PutJsonAsync($"/api/v1/operator/tenants/{tenantId}/subscription", new { plans = new { Fixed = 2, HuntGroup = 1 } }));
        using var company = api.Host.Client(token);
        var site = await SiteApiTests.CreateAsync(company, "HQ", "75010", "Paris");
        var group = await OkAsync<LineDetail>(await company.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "HuntGroup", name = "Desk" }), HttpStatusCode.Created);
        var a = await OkAsync<LineDetail>(await company.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "A", lastName = "A", email = "a@hunt-snapshot.example.com" }), HttpStatusCode.Created);
        var b = await OkAsync<LineDetail>(await company.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "B", lastName = "B", email = "b@hunt-snapshot.example.com" }), HttpStatusCode.Created);

        await OkAsync<object>(await company.PutJsonAsync($"/api/v1/hunt-groups/{group.Id}/members", new { memberIds = (Guid[])[b.Id, a.Id] }));
        await OkAsync<object>(await company.PutJsonAsync($"/api/v1/hunt-groups/{group.Id}/members/{b.Id}/presence", new { present = false }));

        var snapshot = await LatestAsync(tenantId);
        Assert.Equal([new RoutingHuntGroupMember(b.Id, false), new RoutingHuntGroupMember(a.Id, true)], snapshot.Lines.Single(l => l.LineId == group.Id).Members!);
        Assert.Null(snapshot.Lines.Single(l => l.LineId == a.Id).Members);
    }

    private Task<TenantRoutingChanged> LatestAsync(Guid tenantId) =>
        api.Host.InScopeAsync(null, async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var row = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.TenantId == tenantId && m.MessageType == typeof(TenantRoutingChanged).FullName)
                .OrderByDescending(m => m.Sequence).FirstAsync();
            return JsonSerializer.Deserialize<TenantRoutingChanged>(row.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        });
}
