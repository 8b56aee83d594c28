using System.Net;
using Telephony.Portal.Features;
using Telephony.Portal.Features.Contacts;
using Telephony.Portal.Features.Lines;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

[Collection(PortalApiCollection.Name)]
public sealed class DirectoryApiTests(PortalApiFixture api) : IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() =>
        _client = api.Host.Client((await api.Host.CreateCompanyAsync($"Directory {Guid.NewGuid():N}"[..18])).Token);

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AddSearchChangeAndDeleteAContact()
    {
        var created = await OkAsync<ContactView>(await _client.PostJsonAsync("/api/v1/directory/contacts", new { name = "Société Générale — agence", number = "01 42 14 20 00", shortNumber = "801" }), HttpStatusCode.Created);
        Assert.Equal(("+33142142000", "01 42 14 20 00", "801"), (created.Number, created.NationalNumber, created.ShortNumber));
        await OkAsync<ContactView>(await _client.PostJsonAsync("/api/v1/directory/contacts", new { name = "Bundesamt", number = "0049 30 1234567" }), HttpStatusCode.Created);

        Assert.Equal(["Société Générale — agence"], (await OkAsync<Page<ContactView>>(await _client.GetAsync("/api/v1/directory/contacts?search=societe"))).Items.Select(c => c.Name));
        Assert.Equal(["Bundesamt"], (await OkAsync<Page<ContactView>>(await _client.GetAsync("/api/v1/directory/contacts?search=%2B49301234567"))).Items.Select(c => c.Name));
        Assert.Equal(["Société Générale — agence"], (await OkAsync<Page<ContactView>>(await _client.GetAsync("/api/v1/directory/contacts?search=0142142000"))).Items.Select(c => c.Name));

        var changed = await OkAsync<ContactView>(await _client.PutJsonAsync($"/api/v1/directory/contacts/{created.Id}", new { name = "SG", number = "+33142142001" }));
        Assert.Equal(("SG", null), (changed.Name, changed.ShortNumber));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/directory/contacts/{created.Id}")).StatusCode);
        await ProblemAsync(await _client.GetAsync($"/api/v1/directory/contacts/{created.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InvalidFields_AreEachReported_AndAShortNumberOfALineIsTaken()
    {
        var problem = await ProblemAsync(await _client.PostJsonAsync("/api/v1/directory/contacts", new { name = "", number = "12", shortNumber = "1" }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(FieldErrors(problem, "name"));
        Assert.NotEmpty(FieldErrors(problem, "number"));
        Assert.Equal(["A short number has 2 to 6 digits."], FieldErrors(problem, "shortNumber"));

        var site = await SiteApiTests.CreateAsync(_client, "Dir HQ", "75008", "Paris");
        await OkAsync<LineDetail>(await _client.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Dir", lastName = "Line", email = $"dir.{Guid.NewGuid():N}@example.com", shortNumber = "250" }), HttpStatusCode.Created);
        Assert.Equal(["Short number 250 is already used in your company."], FieldErrors(await ProblemAsync(await _client.PostJsonAsync("/api/v1/directory/contacts", new { name = "Taxi", number = "0140000000", shortNumber = "250" }), HttpStatusCode.Conflict), "shortNumber"));

        await OkAsync<ContactView>(await _client.PostJsonAsync("/api/v1/directory/contacts", new { name = "Taxi", number = "0140000000", shortNumber = "251" }), HttpStatusCode.Created);
        var taken = await ProblemAsync(await _client.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Other", lastName = "Line", email = $"other.{Guid.NewGuid():N}@example.com", shortNumber = "251" }), HttpStatusCode.Conflict);
        Assert.Equal("line.short-number-taken", Code(taken));
    }

    [Fact]
    public async Task ImportCsv_WithSemicolonsAndQuotes_ThenExport_RoundTrips()
    {
        const string csv = "\uFEFFName;Number;ShortNumber\r\n\"Dupont; Fils\";01 40 00 00 01;811\r\nAcme \"UK\";+44 20 7946 0000;\r\n\r\n";

        var result = await OkAsync<ImportContactsResult>(await _client.PostJsonAsync("/api/v1/directory/contacts/import", new { csv }));
        Assert.Equal((2, 2), (result.Imported, result.Total));

        var export = await _client.GetStringAsync("/api/v1/directory/contacts/export");
        Assert.Equal("Name,Number,ShortNumber\r\n\"Acme \"\"UK\"\"\",+442079460000,\r\n\"Dupont; Fils\",+33140000001,811\r\n", export);

        var again = await OkAsync<ImportContactsResult>(await _client.PostJsonAsync("/api/v1/directory/contacts/import", new { csv = export.Replace("811", "812", StringComparison.Ordinal), replaceAll = true }));
        Assert.Equal((2, 2), (again.Imported, again.Total));
        Assert.Equal("812", (await OkAsync<Page<ContactView>>(await _client.GetAsync("/api/v1/directory/contacts?search=dupont"))).Items.Single().ShortNumber);
    }

    [Fact]
    public async Task ImportCsv_WithBadRows_RefusesTheWholeFile_NamingEachLine()
    {
        await OkAsync<ContactView>(await _client.PostJsonAsync("/api/v1/directory/contacts", new { name = "Existing", number = "0140000009", shortNumber = "820" }), HttpStatusCode.Created);
        const string csv = "Name,Number,ShortNumber\nGood,0140000002,821\nNo number,,\nDuplicate speed dial,0140000003,820\n\"Unclosed,0140000004\nToo,many,fields,here\n";

        var problem = await ProblemAsync(await _client.PostJsonAsync("/api/v1/directory/contacts/import", new { csv }), HttpStatusCode.BadRequest);

        Assert.Empty(FieldErrors(problem, "rows[2]"));
        Assert.Single(FieldErrors(problem, "rows[3]"));
        Assert.Equal(["Line 4: short number 820 is already used in your company."], FieldErrors(problem, "rows[4]"));
        Assert.Equal(["Line 5: expected Name, Number and an optional ShortNumber."], FieldErrors(problem, "rows[5]"));
        Assert.Single(FieldErrors(problem, "rows[6]"));
        Assert.Equal(1, (await OkAsync<Page<ContactView>>(await _client.GetAsync("/api/v1/directory/contacts"))).Total);
    }

    [Fact]
    public async Task The501stContact_IsRefused()
    {
        var rows = string.Join('\n', Enumerable.Range(0, 500).Select(i => $"Contact {i},01{i:D8}"));
        Assert.Equal(500, (await OkAsync<ImportContactsResult>(await _client.PostJsonAsync("/api/v1/directory/contacts/import", new { csv = "Name,Number\n" + rows }))).Total);

        Assert.Equal("contact.full", Code(await ProblemAsync(await _client.PostJsonAsync("/api/v1/directory/contacts", new { name = "One more", number = "0140000000" }), HttpStatusCode.Conflict)));
        Assert.Equal("contact.full", Code(await ProblemAsync(await _client.PostJsonAsync("/api/v1/directory/contacts/import", new { csv = "Name,Number\nOne more,0140000000" }), HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task Contacts_OfAnotherCompany_Are404_AndNeverListedOrExported()
    {
        var contact = await OkAsync<ContactView>(await _client.PostJsonAsync("/api/v1/directory/contacts", new { name = "Private supplier", number = "0140000077" }), HttpStatusCode.Created);
        using var beta = api.BetaClient();

        await ProblemAsync(await beta.GetAsync($"/api/v1/directory/contacts/{contact.Id}"), HttpStatusCode.NotFound);
        await ProblemAsync(await beta.PutJsonAsync($"/api/v1/directory/contacts/{contact.Id}", new { name = "Stolen", number = "0140000077" }), HttpStatusCode.NotFound);
        await ProblemAsync(await beta.DeleteAsync($"/api/v1/directory/contacts/{contact.Id}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain(contact.Id, (await OkAsync<Page<ContactView>>(await beta.GetAsync("/api/v1/directory/contacts?search=private"))).Items.Select(c => c.Id));
        Assert.DoesNotContain("Private supplier", await beta.GetStringAsync("/api/v1/directory/contacts/export"), StringComparison.Ordinal);
        Assert.Equal("Private supplier", (await OkAsync<ContactView>(await _client.GetAsync($"/api/v1/directory/contacts/{contact.Id}"))).Name);
    }
}
