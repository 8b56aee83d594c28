using System.Net;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Features;
using Telephony.Portal.Features.Devices;
using Telephony.Portal.Features.Lines;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

[Collection(PortalApiCollection.Name)]
public sealed class LineKeysApiTests(PortalApiFixture api) : IAsyncLifetime
{
    /// <summary>Each test has a company of its own: some need many lines, or the one analog plan.</summary>
    private string _token = "";

    public async Task InitializeAsync() => _token = (await api.Host.CreateCompanyAsync($"Keys {Guid.NewGuid():N}"[..16], fixedPlans: 60)).Token;

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Client() => api.Host.Client(_token);

    [Fact]
    public async Task SetKeys_SupervisionShortcutsAndPickup_AreNumberedSupervisionFirst()
    {
        var (client, phone) = await PhoneLineAsync("Yealink T54W");
        var (_, watched1) = await LineAsync(client);
        var (_, watched2) = await LineAsync(client);

        var keys = await OkAsync<LineKeysView>(await client.PutJsonAsync($"/api/v1/lines/{phone.Id}/keys", new
        {
            keys = (object[])
            [
                new { kind = "Shortcut", label = "Reception", number = "01 40 00 00 00" },
                new { kind = "Supervision", lineId = watched1.Id },
                new { kind = "Pickup" },
                new { kind = "Supervision", lineId = watched2.Id, inCallAction = "Transfer", label = "Boss" },
            ],
        }));

        Assert.Equal(
            [(1, KeyKind.Supervision, watched1.DisplayName), (2, KeyKind.Supervision, "Boss"), (3, KeyKind.Shortcut, "Reception"), (4, KeyKind.Pickup, "Pickup")],
            keys.Keys.Select(k => (k.Position, k.Kind, k.Label)));
        Assert.Equal((InCallAction.HoldAndCall, InCallAction.Transfer), (keys.Keys[0].InCallAction, keys.Keys[1].InCallAction));
        Assert.Equal(("0140000000", "*98"), (keys.Keys[2].Number, keys.Keys[3].Number));
        Assert.Equal((27, 23), (keys.Capacity, keys.Available));
    }

    [Fact]
    public async Task AddMoveRemove_KeepTheKeysNumberedWithoutGaps_AndMovesStayInTheirCategory()
    {
        var (client, phone) = await PhoneLineAsync("Yealink T54W");
        var (_, watched) = await LineAsync(client);
        var path = $"/api/v1/lines/{phone.Id}/keys";

        await OkAsync<LineKeysView>(await client.PostJsonAsync(path, new { kind = "Shortcut", label = "One", number = "101" }));
        await OkAsync<LineKeysView>(await client.PostJsonAsync(path, new { kind = "Shortcut", label = "Two", number = "102" }));
        var added = await OkAsync<LineKeysView>(await client.PostJsonAsync(path, new { kind = "Supervision", lineId = watched.Id }));
        Assert.Equal([watched.DisplayName, "One", "Two"], added.Keys.Select(k => k.Label));

        // Position 2 ("One") cannot go above the supervision key; the order [3, 2] keeps "Two" then "One".
        var reordered = await OkAsync<LineKeysView>(await client.PutJsonAsync($"{path}/order", new { order = (int[])[2, 3, 1] }));
        Assert.Equal([watched.DisplayName, "One", "Two"], reordered.Keys.Select(k => k.Label));
        reordered = await OkAsync<LineKeysView>(await client.PutJsonAsync($"{path}/order", new { order = (int[])[1, 3, 2] }));
        Assert.Equal([watched.DisplayName, "Two", "One"], reordered.Keys.Select(k => k.Label));

        var removed = await OkAsync<LineKeysView>(await client.DeleteAsync($"{path}/1"));
        Assert.Equal([(1, "Two"), (2, "One")], removed.Keys.Select(k => (k.Position, k.Label)));
        await ProblemAsync(await client.DeleteAsync($"{path}/3"), HttpStatusCode.NotFound);
        Assert.Equal("keys.order", Code(await ProblemAsync(await client.PutJsonAsync($"{path}/order", new { order = (int[])[1, 1] }), HttpStatusCode.BadRequest)));

        Assert.Empty((await OkAsync<LineKeysView>(await client.PutJsonAsync(path, new { keys = Array.Empty<object>() }))).Keys);
    }

    [Fact]
    public async Task SetKeys_BeyondTheModelsKeys_OrA46thSupervisionKey_IsRefused_AndNothingIsSaved()
    {
        var (client, small) = await PhoneLineAsync("Poly VVX 250");
        var shortcuts = Enumerable.Range(1, 5).Select(i => (object)new { kind = "Shortcut", label = $"K{i}", number = $"10{i}" }).ToArray();

        var problem = await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{small.Id}/keys", new { keys = shortcuts }), HttpStatusCode.BadRequest);
        Assert.Equal(["The Poly VVX 250 has 4 programmable keys; remove 1."], FieldErrors(problem, "keys"));
        Assert.Empty((await OkAsync<LineKeysView>(await client.GetAsync($"/api/v1/lines/{small.Id}/keys"))).Keys);

        await api.Host.AddPoolNumbersAsync("0199300000", 50);
        var (_, big) = await PhoneLineAsync("Snom D385");
        var watched = new List<LineDetail>();
        for (var i = 0; i < 46; i++)
        {
            watched.Add((await LineAsync(client)).Line);
        }

        var supervision = watched.Select(l => (object)new { kind = "Supervision", lineId = l.Id }).ToArray();
        problem = await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{big.Id}/keys", new { keys = supervision }), HttpStatusCode.BadRequest);
        Assert.Equal(["At most 45 supervision keys."], FieldErrors(problem, "keys"));
        Assert.Equal(45, (await OkAsync<LineKeysView>(await client.PutJsonAsync($"/api/v1/lines/{big.Id}/keys", new { keys = supervision[..45] }))).Keys.Count);
    }

    [Fact]
    public async Task SetKeys_InvalidKeys_AreEachReportedOnTheirField()
    {
        var (client, phone) = await PhoneLineAsync("Yealink T54W");
        var (_, analog) = await AnalogLineAsync(client);
        var (_, betaLine) = await LineAsync(api.BetaClient());

        var problem = await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{phone.Id}/keys", new
        {
            keys = (object[])
            [
                new { kind = "Supervision", lineId = analog.Id },
                new { kind = "Supervision", lineId = betaLine.Id },
                new { kind = "Supervision", lineId = phone.Id },
                new { kind = "Supervision" },
                new { kind = "Shortcut", label = "", number = "01 40 AB" },
                new { kind = "Pickup" },
                new { kind = "Pickup" },
            ],
        }), HttpStatusCode.BadRequest);

        Assert.Equal(["Supervision keys watch Fixed and mobile lines of the company."], FieldErrors(problem, "keys[0].lineId"));
        Assert.Equal(["Supervision keys watch Fixed and mobile lines of the company."], FieldErrors(problem, "keys[1].lineId"));
        Assert.Equal(["A key cannot supervise its own line."], FieldErrors(problem, "keys[2].lineId"));
        Assert.Equal(["Choose the line this key supervises."], FieldErrors(problem, "keys[3].lineId"));
        Assert.Equal(["Give the key a label."], FieldErrors(problem, "keys[4].label"));
        Assert.Single(FieldErrors(problem, "keys[4].number"));
        Assert.Equal(["A phone has at most one pickup key."], FieldErrors(problem, "keys"));
    }

    [Fact]
    public async Task Keys_WithoutAPhoneModel_AreRefused_AndChangingModelDropsTheExtraKeys()
    {
        var (client, line) = await LineAsync();
        Assert.Equal("keys.no-phone", Code(await ProblemAsync(await client.PostJsonAsync($"/api/v1/lines/{line.Id}/keys", new { kind = "Pickup" }), HttpStatusCode.BadRequest)));

        var t54w = await ModelAsync("Yealink T54W");
        await OkAsync<LineDetail>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/hardware", new { phoneModelId = t54w.Id }));
        var keys = Enumerable.Range(1, 6).Select(i => (object)new { kind = "Shortcut", label = $"K{i}", number = $"10{i}" }).ToArray();
        await OkAsync<LineKeysView>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/keys", new { keys }));

        await OkAsync<LineDetail>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/hardware", new { phoneModelId = (await ModelAsync("Poly VVX 250")).Id }));
        Assert.Equal(["K1", "K2", "K3", "K4"], (await OkAsync<LineKeysView>(await client.GetAsync($"/api/v1/lines/{line.Id}/keys"))).Keys.Select(k => k.Label));

        await OkAsync<LineDetail>(await client.DeleteAsync($"/api/v1/lines/{line.Id}/hardware"));
        Assert.Empty((await OkAsync<LineKeysView>(await client.GetAsync($"/api/v1/lines/{line.Id}/keys"))).Keys);
    }

    [Fact]
    public async Task CompanyNumbers_ListThisCompanysLines_AndSupervisableOnlyKeepsFixedAndMobileLines()
    {
        using var client = Client();
        var (_, analog) = await AnalogLineAsync(client);
        var (_, person) = await LineAsync(client);
        var (_, betaLine) = await LineAsync(api.BetaClient());

        var all = await OkAsync<Page<CompanyNumber>>(await client.GetAsync($"/api/v1/company-numbers?search={person.LastName}&pageSize=100"));
        Assert.Contains(all.Items, n => n.LineId == person.Id);
        var supervisable = await OkAsync<Page<CompanyNumber>>(await client.GetAsync("/api/v1/company-numbers?supervisable=true&pageSize=100"));
        Assert.DoesNotContain(supervisable.Items, n => n.LineId == analog.Id);
        var beta = await OkAsync<Page<CompanyNumber>>(await client.GetAsync($"/api/v1/company-numbers?search={betaLine.LastName}"));
        Assert.Empty(beta.Items);
    }

    [Fact]
    public async Task DeleteLine_ListsTheSupervisionKeysWatchingIt_ThenTheyGoAndTheOthersMoveUp()
    {
        var (client, phone) = await PhoneLineAsync("Yealink T54W");
        var (_, leaving) = await LineAsync(client);
        var (_, staying) = await LineAsync(client);
        await OkAsync<LineKeysView>(await client.PutJsonAsync($"/api/v1/lines/{phone.Id}/keys", new
        {
            keys = (object[])[new { kind = "Supervision", lineId = leaving.Id }, new { kind = "Supervision", lineId = staying.Id }, new { kind = "Pickup" }],
        }));

        var references = await OkAsync<List<LineReference>>(await client.GetAsync($"/api/v1/lines/{leaving.Id}/references"));
        Assert.Equal([$"supervision key 1 on {phone.DisplayName}'s phone"], references.Select(r => r.Description));
        await ProblemAsync(await api.BetaClient().GetAsync($"/api/v1/lines/{leaving.Id}/references"), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/lines/{leaving.Id}")).StatusCode);
        var keys = await OkAsync<LineKeysView>(await client.GetAsync($"/api/v1/lines/{phone.Id}/keys"));
        Assert.Equal([(1, staying.Id), (2, (Guid?)null)], keys.Keys.Select(k => (k.Position, k.LineId)));
    }

    [Fact]
    public async Task Keys_OfAnotherCompanysLine_Are404()
    {
        var (beta, betaPhone) = await PhoneLineAsync("Yealink T54W", api.BetaClient());
        await OkAsync<LineKeysView>(await beta.PostJsonAsync($"/api/v1/lines/{betaPhone.Id}/keys", new { kind = "Pickup" }));
        using var alpha = Client();
        var path = $"/api/v1/lines/{betaPhone.Id}/keys";

        await ProblemAsync(await alpha.GetAsync(path), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PutJsonAsync(path, new { keys = Array.Empty<object>() }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PostJsonAsync(path, new { kind = "Pickup" }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PutJsonAsync($"{path}/order", new { order = (int[])[1] }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.DeleteAsync($"{path}/1"), HttpStatusCode.NotFound);
        Assert.Single((await OkAsync<LineKeysView>(await beta.GetAsync(path))).Keys);
    }

    private async Task<PhoneModelItem> ModelAsync(string name) =>
        (await OkAsync<List<PhoneModelItem>>(await api.AlphaClient().GetAsync("/api/v1/phone-models"))).Single(m => m.DisplayName == name);

    private async Task<(HttpClient Client, LineDetail Line)> PhoneLineAsync(string model, HttpClient? client = null)
    {
        var (c, line) = await LineAsync(client);
        var phone = await OkAsync<LineDetail>(await c.PutJsonAsync($"/api/v1/lines/{line.Id}/hardware", new { phoneModelId = (await ModelAsync(model)).Id }));
        return (c, phone);
    }

    private static async Task<(HttpClient Client, LineDetail Line)> AnalogLineAsync(HttpClient client)
    {
        var site = await SiteApiTests.CreateAsync(client, $"Keys {Guid.NewGuid():N}"[..12], "75020", "Paris");
        var line = await OkAsync<LineDetail>(await client.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Analog", name = $"Fax {Guid.NewGuid():N}"[..12] }), HttpStatusCode.Created);
        return (client, line);
    }

    private async Task<(HttpClient Client, LineDetail Line)> LineAsync(HttpClient? client = null)
    {
        client ??= Client();
        var site = await SiteApiTests.CreateAsync(client, $"Keys {Guid.NewGuid():N}"[..12], "75020", "Paris");
        var name = $"K{Guid.NewGuid():N}"[..10];
        var line = await OkAsync<LineDetail>(await client.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Key", lastName = name, email = $"{name}@example.com" }), HttpStatusCode.Created);
        return (client, line);
    }
}
