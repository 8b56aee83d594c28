using System.Net;
using Telephony.Portal.Features.HuntGroups;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.Sites;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

[Collection(PortalApiCollection.Name)]
public sealed class HuntGroupMembersApiTests(PortalApiFixture api) : IAsyncLifetime
{
    private HttpClient _client = null!;
    private SiteSummary _site = null!;

    public async Task InitializeAsync()
    {
        var (tenantId, token) = await api.Host.CreateCompanyAsync($"Hunt {Guid.NewGuid():N}"[..14], fixedPlans: 10);
        await OkAsync<object>(await api.OperatorClient().PutJsonAsync($"/api/v1/operator/tenants/{tenantId}/subscription", new { plans = new { Fixed = 10, Analog = 1, HuntGroup = 2 } }));
        _client = api.Host.Client(token);
        _site = await SiteApiTests.CreateAsync(_client, "Hunt HQ", "75003", "Paris");
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SetMembers_KeepsTheOrderAdded_ThenReorderAndPresence_ShowOnTheMembersLine()
    {
        var group = await LineAsync("HuntGroup", "Accueil");
        var (a, b, c) = (await PersonAsync("Anna"), await PersonAsync("Ben"), await PersonAsync("Cléo"));
        var path = $"/api/v1/hunt-groups/{group.Id}/members";

        await OkAsync<List<HuntGroupMemberView>>(await _client.PutJsonAsync(path, new { memberIds = (Guid[])[b.Id, a.Id] }));
        var members = await OkAsync<List<HuntGroupMemberView>>(await _client.PutJsonAsync(path, new { memberIds = (Guid[])[c.Id, a.Id, b.Id] }));
        Assert.Equal([(1, b.Id), (2, a.Id), (3, c.Id)], members.Select(m => (m.Position, m.LineId)));
        Assert.All(members, m => Assert.True(m.Present));

        var reordered = await OkAsync<List<HuntGroupMemberView>>(await _client.PutJsonAsync($"{path}/order", new { order = (Guid[])[c.Id, b.Id, a.Id] }));
        Assert.Equal([c.Id, b.Id, a.Id], reordered.Select(m => m.LineId));

        var groups = await OkAsync<List<LineHuntGroupView>>(await _client.PutJsonAsync($"{path}/{a.Id}/presence", new { present = false }));
        Assert.Equal([("Accueil", false)], groups.Select(g => (g.Name, g.Present)));
        Assert.False((await OkAsync<List<HuntGroupMemberView>>(await _client.GetAsync(path))).Single(m => m.LineId == a.Id).Present);

        var removed = await OkAsync<List<HuntGroupMemberView>>(await _client.PutJsonAsync(path, new { memberIds = (Guid[])[a.Id, c.Id] }));
        Assert.Equal([(1, c.Id), (2, a.Id)], removed.Select(m => (m.Position, m.LineId)));
        Assert.Empty(await OkAsync<List<LineHuntGroupView>>(await _client.GetAsync($"/api/v1/lines/{b.Id}/hunt-groups")));
    }

    [Fact]
    public async Task Members_ThatCannotAnswerGroupCalls_OrUnknown_AreRefused_AndABadOrderToo()
    {
        var group = await LineAsync("HuntGroup", "Sales");
        var analog = await LineAsync("Analog", "Door");
        var person = await PersonAsync("Dan");
        var path = $"/api/v1/hunt-groups/{group.Id}/members";

        var problem = await ProblemAsync(await _client.PutJsonAsync(path, new { memberIds = (Guid[])[person.Id, analog.Id, group.Id, Guid.NewGuid()] }), HttpStatusCode.BadRequest);
        Assert.Empty(FieldErrors(problem, "memberIds[0]"));
        Assert.Equal(["Door cannot answer group calls: members are Fixed and mobile lines."], FieldErrors(problem, "memberIds[1]"));
        Assert.Single(FieldErrors(problem, "memberIds[2]"));
        Assert.Equal(["This line does not exist."], FieldErrors(problem, "memberIds[3]"));
        Assert.Empty(await OkAsync<List<HuntGroupMemberView>>(await _client.GetAsync(path)));

        await OkAsync<List<HuntGroupMemberView>>(await _client.PutJsonAsync(path, new { memberIds = (Guid[])[person.Id] }));
        Assert.Equal("hunt-group.order", Code(await ProblemAsync(await _client.PutJsonAsync($"{path}/order", new { order = (Guid[])[person.Id, person.Id] }), HttpStatusCode.BadRequest)));
        await ProblemAsync(await _client.GetAsync($"/api/v1/hunt-groups/{person.Id}/members"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletingAMember_ListsTheGroupFirst_ThenLeavesIt()
    {
        var group = await LineAsync("HuntGroup", "Support");
        var person = await PersonAsync("Eva");
        await OkAsync<List<HuntGroupMemberView>>(await _client.PutJsonAsync($"/api/v1/hunt-groups/{group.Id}/members", new { memberIds = (Guid[])[person.Id] }));

        Assert.Equal(["the hunt group \"Support\""], (await OkAsync<List<LineReference>>(await _client.GetAsync($"/api/v1/lines/{person.Id}/references"))).Select(r => r.Description));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/lines/{person.Id}")).StatusCode);
        Assert.Empty(await OkAsync<List<HuntGroupMemberView>>(await _client.GetAsync($"/api/v1/hunt-groups/{group.Id}/members")));
    }

    [Fact]
    public async Task HuntGroups_OfAnotherCompany_Are404_AndItsLinesCannotJoin()
    {
        var group = await LineAsync("HuntGroup", "Private");
        var person = await PersonAsync("Fay");
        await OkAsync<List<HuntGroupMemberView>>(await _client.PutJsonAsync($"/api/v1/hunt-groups/{group.Id}/members", new { memberIds = (Guid[])[person.Id] }));
        using var beta = api.BetaClient();
        var path = $"/api/v1/hunt-groups/{group.Id}/members";

        await ProblemAsync(await beta.GetAsync(path), HttpStatusCode.NotFound);
        await ProblemAsync(await beta.PutJsonAsync(path, new { memberIds = Array.Empty<Guid>() }), HttpStatusCode.NotFound);
        await ProblemAsync(await beta.PutJsonAsync($"{path}/order", new { order = (Guid[])[person.Id] }), HttpStatusCode.NotFound);
        await ProblemAsync(await beta.PutJsonAsync($"{path}/{person.Id}/presence", new { present = false }), HttpStatusCode.NotFound);
        await ProblemAsync(await beta.GetAsync($"/api/v1/lines/{person.Id}/hunt-groups"), HttpStatusCode.NotFound);
        Assert.True((await OkAsync<List<HuntGroupMemberView>>(await _client.GetAsync(path))).Single().Present);
    }

    private Task<LineDetail> PersonAsync(string firstName) => LineAsync("Fixed", firstName);

    private async Task<LineDetail> LineAsync(string kind, string name) =>
        await OkAsync<LineDetail>(await _client.PostJsonAsync("/api/v1/lines", kind == "Fixed"
            ? new { siteId = _site.Id, kind, firstName = name, lastName = "Hunt", email = $"{Guid.NewGuid():N}@example.com" }
            : (object)new { siteId = _site.Id, kind, name }), HttpStatusCode.Created);
}
