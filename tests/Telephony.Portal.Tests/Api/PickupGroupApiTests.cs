using System.Net;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.PickupGroups;
using Telephony.Portal.Features.Sites;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

[Collection(PortalApiCollection.Name)]
public sealed class PickupGroupApiTests(PortalApiFixture api) : IAsyncLifetime
{
    private HttpClient _client = null!;
    private SiteSummary _site = null!;

    public async Task InitializeAsync()
    {
        _client = api.Host.Client((await api.Host.CreateCompanyAsync($"Pickup {Guid.NewGuid():N}"[..16], fixedPlans: 10)).Token);
        _site = await SiteApiTests.CreateAsync(_client, "Pickup HQ", "75011", "Paris");
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CreateRenameChangeMembersAndDelete()
    {
        var alice = await LineAsync("Alice");
        var bruno = await LineAsync("Bruno");
        var chloe = await LineAsync("Chloe");

        var created = await OkAsync<PickupGroupView>(await _client.PostJsonAsync("/api/v1/pickup-groups", new { name = "Accueil", siteId = _site.Id, memberIds = (Guid[])[alice.Id, bruno.Id] }), HttpStatusCode.Created);
        Assert.Equal(["Alice Test", "Bruno Test"], created.Members.Select(m => m.Name));
        Assert.Contains(await OkAsync<List<PickupGroupView>>(await _client.GetAsync("/api/v1/pickup-groups")), g => g.Id == created.Id && g.SiteName == "Pickup HQ");

        var changed = await OkAsync<PickupGroupView>(await _client.PutJsonAsync($"/api/v1/pickup-groups/{created.Id}", new { name = "Accueil étage 2", memberIds = (Guid[])[bruno.Id, chloe.Id] }));
        Assert.Equal("Accueil étage 2", changed.Name);
        Assert.Equal(["Bruno Test", "Chloe Test"], changed.Members.Select(m => m.Name));
        var candidates = await OkAsync<List<PickupCandidate>>(await _client.GetAsync($"/api/v1/pickup-groups/candidates?siteId={_site.Id}"));
        Assert.Equal([(alice.Id, (Guid?)null), (bruno.Id, created.Id), (chloe.Id, created.Id)], candidates.Select(c => (c.LineId, c.PickupGroupId)));

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/pickup-groups/{created.Id}")).StatusCode);
        Assert.All(await OkAsync<List<PickupCandidate>>(await _client.GetAsync($"/api/v1/pickup-groups/candidates?siteId={_site.Id}")), c => Assert.Null(c.PickupGroupId));
        await ProblemAsync(await _client.GetAsync($"/api/v1/pickup-groups/{created.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_WithASpecialCharacterOrATakenName_IsRefusedOnTheName()
    {
        Assert.NotEmpty(FieldErrors(await ProblemAsync(await _client.PostJsonAsync("/api/v1/pickup-groups", new { name = "Sales!", siteId = _site.Id }), HttpStatusCode.BadRequest), "name"));
        Assert.NotEmpty(FieldErrors(await ProblemAsync(await _client.PostJsonAsync("/api/v1/pickup-groups", new { name = "", siteId = _site.Id }), HttpStatusCode.BadRequest), "name"));
        await OkAsync<PickupGroupView>(await _client.PostJsonAsync("/api/v1/pickup-groups", new { name = "Sales", siteId = _site.Id }), HttpStatusCode.Created);
        Assert.Equal(["A pickup group is already named \"Sales\"."], FieldErrors(await ProblemAsync(await _client.PostJsonAsync("/api/v1/pickup-groups", new { name = "Sales", siteId = _site.Id }), HttpStatusCode.Conflict), "name"));
    }

    [Fact]
    public async Task Members_InAnotherGroup_OnAnotherSite_OrNotFixed_AreEachRefused_AndNothingIsSaved()
    {
        var alice = await LineAsync("Alice");
        var bruno = await LineAsync("Bruno");
        var elsewhere = await SiteApiTests.CreateAsync(_client, "Lyon", "69001", "Lyon");
        var lyon = await LineAsync("Lyon", elsewhere.Id);
        var analog = await OkAsync<LineDetail>(await _client.PostJsonAsync("/api/v1/lines", new { siteId = _site.Id, kind = "Analog", name = "Fax" }), HttpStatusCode.Created);
        await OkAsync<PickupGroupView>(await _client.PostJsonAsync("/api/v1/pickup-groups", new { name = "First", siteId = _site.Id, memberIds = (Guid[])[alice.Id] }), HttpStatusCode.Created);

        var problem = await ProblemAsync(await _client.PostJsonAsync("/api/v1/pickup-groups", new { name = "Second", siteId = _site.Id, memberIds = (Guid[])[bruno.Id, alice.Id, lyon.Id, analog.Id, Guid.NewGuid()] }), HttpStatusCode.BadRequest);

        Assert.Empty(FieldErrors(problem, "memberIds[0]"));
        Assert.Equal(["Alice Test is already in the pickup group \"First\"."], FieldErrors(problem, "memberIds[1]"));
        Assert.Equal(["Lyon Test is on another site: members are lines of the group's site."], FieldErrors(problem, "memberIds[2]"));
        Assert.Equal(["Fax is not a Fixed line: only Fixed lines pick up calls with *98."], FieldErrors(problem, "memberIds[3]"));
        Assert.Equal(["This line does not exist."], FieldErrors(problem, "memberIds[4]"));
        Assert.DoesNotContain(await OkAsync<List<PickupGroupView>>(await _client.GetAsync("/api/v1/pickup-groups")), g => g.Name == "Second");
        Assert.Null((await OkAsync<List<PickupCandidate>>(await _client.GetAsync($"/api/v1/pickup-groups/candidates?siteId={_site.Id}"))).Single(c => c.LineId == bruno.Id).PickupGroupId);
    }

    [Fact]
    public async Task ASiteWithAPickupGroup_CannotBeDeleted_AndDeletingAMemberLineListsTheGroup()
    {
        var site = await SiteApiTests.CreateAsync(_client, "Short lived", "75012", "Paris");
        var line = await LineAsync("Member", site.Id);
        var group = await OkAsync<PickupGroupView>(await _client.PostJsonAsync("/api/v1/pickup-groups", new { name = "Temp", siteId = site.Id, memberIds = (Guid[])[line.Id] }), HttpStatusCode.Created);

        Assert.Equal(["the pickup group \"Temp\""], (await OkAsync<List<LineReference>>(await _client.GetAsync($"/api/v1/lines/{line.Id}/references"))).Select(r => r.Description));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/lines/{line.Id}")).StatusCode);
        Assert.Empty((await OkAsync<PickupGroupView>(await _client.GetAsync($"/api/v1/pickup-groups/{group.Id}"))).Members);

        Assert.Contains("\"Temp\"", (await ProblemAsync(await _client.DeleteAsync($"/api/v1/sites/{site.Id}"), HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/pickup-groups/{group.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/sites/{site.Id}")).StatusCode);
    }

    [Fact]
    public async Task PickupGroups_OfAnotherCompany_Are404_AndItsLinesCannotBeMembers()
    {
        var alice = await LineAsync("Alice");
        var group = await OkAsync<PickupGroupView>(await _client.PostJsonAsync("/api/v1/pickup-groups", new { name = "Mine", siteId = _site.Id, memberIds = (Guid[])[alice.Id] }), HttpStatusCode.Created);
        using var beta = api.BetaClient();
        var betaSite = await SiteApiTests.CreateAsync(beta, $"B {Guid.NewGuid():N}"[..10], "75020", "Paris");

        await ProblemAsync(await beta.GetAsync($"/api/v1/pickup-groups/{group.Id}"), HttpStatusCode.NotFound);
        await ProblemAsync(await beta.PutJsonAsync($"/api/v1/pickup-groups/{group.Id}", new { name = "Stolen", memberIds = Array.Empty<Guid>() }), HttpStatusCode.NotFound);
        await ProblemAsync(await beta.DeleteAsync($"/api/v1/pickup-groups/{group.Id}"), HttpStatusCode.NotFound);
        await ProblemAsync(await beta.GetAsync($"/api/v1/pickup-groups/candidates?siteId={_site.Id}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain(await OkAsync<List<PickupGroupView>>(await beta.GetAsync("/api/v1/pickup-groups")), g => g.Id == group.Id);
        Assert.NotEmpty(FieldErrors(await ProblemAsync(await beta.PostJsonAsync("/api/v1/pickup-groups", new { name = "Mine", siteId = _site.Id }), HttpStatusCode.BadRequest), "siteId"));
        Assert.Equal(["This line does not exist."], FieldErrors(await ProblemAsync(await beta.PostJsonAsync("/api/v1/pickup-groups", new { name = "Theirs", siteId = betaSite.Id, memberIds = (Guid[])[alice.Id] }), HttpStatusCode.BadRequest), "memberIds[0]"));
        Assert.Equal("Mine", (await OkAsync<PickupGroupView>(await _client.GetAsync($"/api/v1/pickup-groups/{group.Id}"))).Name);
    }

    private async Task<LineDetail> LineAsync(string firstName, Guid? siteId = null) =>
        await OkAsync<LineDetail>(await _client.PostJsonAsync("/api/v1/lines", new { siteId = siteId ?? _site.Id, kind = "Fixed", firstName, lastName = "Test", email = $"{firstName}.{Guid.NewGuid():N}@example.com" }), HttpStatusCode.Created);
}
