using System.Net;
using Telephony.Portal.Domain.Devices;
using Telephony.Portal.Features.Devices;
using Telephony.Portal.Features.Lines;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

[Collection(PortalApiCollection.Name)]
public sealed class HardwareApiTests(PortalApiFixture api)
{
    [Fact]
    public async Task Catalogue_IsSeededWithTheMainVendorsAndKinds()
    {
        var models = await OkAsync<List<PhoneModelItem>>(await api.AlphaClient().GetAsync("/api/v1/phone-models"));

        Assert.Subset(models.Select(m => m.Vendor).ToHashSet(), new HashSet<string> { "Yealink", "Poly", "Cisco", "Snom", "Grandstream", "AudioCodes" });
        Assert.Subset(models.Select(m => m.Kind).ToHashSet(), Enum.GetValues<PhoneKind>().ToHashSet());
        Assert.Equal((27, 16), models.Where(m => m.DisplayName == "Yealink T54W").Select(m => (m.ProgrammableKeys, m.SimultaneousCalls)).Single());
    }

    [Fact]
    public async Task ActivateLine_WithModelAndMac_ShowsThem_AndTheMacIsUniqueAcrossCompanies()
    {
        var t54w = await ModelAsync("Yealink T54W");
        using var alpha = api.AlphaClient();
        var site = await SiteApiTests.CreateAsync(alpha, $"Hw {Guid.NewGuid():N}"[..12], "75020", "Paris");

        var line = await OkAsync<LineDetail>(await alpha.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Hard", lastName = "Ware", email = $"hw.{Guid.NewGuid():N}@example.com", phoneModelId = t54w.Id, mac = "80-5E-C0-11-22-33" }), HttpStatusCode.Created);
        Assert.Equal(("Yealink T54W", "80:5E:C0:11:22:33", 27), (line.PhoneModelName, line.Mac, line.ProgrammableKeys));

        var betaSite = await SiteApiTests.CreateAsync(api.BetaClient(), $"Hw {Guid.NewGuid():N}"[..12], "75020", "Paris");
        var taken = await ProblemAsync(await api.BetaClient().PostJsonAsync("/api/v1/lines", new { siteId = betaSite.Id, kind = "Fixed", firstName = "Copy", lastName = "Cat", email = $"cc.{Guid.NewGuid():N}@example.com", phoneModelId = t54w.Id, mac = "805ec0112233" }), HttpStatusCode.Conflict);
        Assert.Equal(["The MAC 80:5E:C0:11:22:33 is already used by another phone."], FieldErrors(taken, "mac"));
    }

    [Fact]
    public async Task SetHardware_BadMacOrWrongKindOrUnknownModel_IsRefusedOnTheField()
    {
        var (client, line) = await LineAsync();
        var ata = await ModelAsync("Grandstream HT802");

        Assert.Equal(["A MAC address has 12 hexadecimal digits, such as 00:15:65:AB:CD:EF."], FieldErrors(await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/hardware", new { phoneModelId = (await ModelAsync("Snom D735")).Id, mac = "12:34" }), HttpStatusCode.BadRequest), "mac"));
        Assert.NotEmpty(FieldErrors(await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/hardware", new { phoneModelId = ata.Id }), HttpStatusCode.BadRequest), "phoneModelId"));
        Assert.NotEmpty(FieldErrors(await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/hardware", new { phoneModelId = Guid.NewGuid() }), HttpStatusCode.BadRequest), "phoneModelId"));
        Assert.NotEmpty(FieldErrors(await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/hardware", new { mac = "00:15:65:00:00:01" }), HttpStatusCode.BadRequest), "phoneModelId"));
    }

    [Fact]
    public async Task ModelWithoutMac_IsListedToComplete_UntilTheMacIsEntered_ThenRemoved()
    {
        var (client, line) = await LineAsync();
        var vvx = await ModelAsync("Poly VVX 450");

        await OkAsync<LineDetail>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/hardware", new { phoneModelId = vvx.Id }));
        Assert.Contains(await OkAsync<List<IncompleteLine>>(await client.GetAsync("/api/v1/lines/incomplete")), l => l.Id == line.Id && l.PhoneModelName == "Poly VVX 450");

        var completed = await OkAsync<LineDetail>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/hardware", new { phoneModelId = vvx.Id, mac = "64:16:7F:AA:BB:CC" }));
        Assert.Equal("64:16:7F:AA:BB:CC", completed.Mac);
        Assert.DoesNotContain(await OkAsync<List<IncompleteLine>>(await client.GetAsync("/api/v1/lines/incomplete")), l => l.Id == line.Id);

        var removed = await OkAsync<LineDetail>(await client.DeleteAsync($"/api/v1/lines/{line.Id}/hardware"));
        Assert.Equal((null, null), (removed.PhoneModelId, removed.Mac));
    }

    [Fact]
    public async Task Hardware_OfAnotherCompanysLine_Is404()
    {
        var (_, betaLine) = await LineAsync(api.BetaClient());
        using var alpha = api.AlphaClient();

        await ProblemAsync(await alpha.PutJsonAsync($"/api/v1/lines/{betaLine.Id}/hardware", new { phoneModelId = (await ModelAsync("Yealink T31P")).Id }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.DeleteAsync($"/api/v1/lines/{betaLine.Id}/hardware"), HttpStatusCode.NotFound);
        Assert.DoesNotContain(await OkAsync<List<IncompleteLine>>(await alpha.GetAsync("/api/v1/lines/incomplete")), l => l.Id == betaLine.Id);
    }

    [Fact]
    public async Task Operator_ManagesTheCatalogue_AModelInUseStays()
    {
        using var op = api.OperatorClient();
        var created = await OkAsync<PhoneModelItem>(await op.PostJsonAsync("/api/v1/operator/phone-models", new { vendor = "Fanvil", model = "X6U", kind = "DeskPhone", programmableKeys = 60, simultaneousCalls = 12 }), HttpStatusCode.Created);
        Assert.Equal("phone-model.duplicate", Code(await ProblemAsync(await op.PostJsonAsync("/api/v1/operator/phone-models", new { vendor = "Fanvil", model = "X6U", kind = "DeskPhone", programmableKeys = 60, simultaneousCalls = 12 }), HttpStatusCode.Conflict)));
        Assert.NotEmpty(FieldErrors(await ProblemAsync(await op.PutJsonAsync($"/api/v1/operator/phone-models/{created.Id}", new { vendor = "Fanvil", model = "X6U", kind = "DeskPhone", programmableKeys = 60, simultaneousCalls = 40 }), HttpStatusCode.BadRequest), "simultaneousCalls"));
        Assert.Equal(20, (await OkAsync<PhoneModelItem>(await op.PutJsonAsync($"/api/v1/operator/phone-models/{created.Id}", new { vendor = "Fanvil", model = "X6U", kind = "DeskPhone", programmableKeys = 20, simultaneousCalls = 12 }))).ProgrammableKeys);

        var (client, line) = await LineAsync();
        await OkAsync<LineDetail>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/hardware", new { phoneModelId = created.Id }));
        Assert.Equal("phone-model.in-use", Code(await ProblemAsync(await op.DeleteAsync($"/api/v1/operator/phone-models/{created.Id}"), HttpStatusCode.Conflict)));
        await OkAsync<LineDetail>(await client.DeleteAsync($"/api/v1/lines/{line.Id}/hardware"));
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/v1/operator/phone-models/{created.Id}")).StatusCode);
        await ProblemAsync(await op.PutJsonAsync($"/api/v1/operator/phone-models/{created.Id}", new { vendor = "Fanvil", model = "X6U", kind = "DeskPhone", programmableKeys = 1, simultaneousCalls = 2 }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.AlphaClient().PostJsonAsync("/api/v1/operator/phone-models", new { vendor = "X", model = "Y", kind = "DeskPhone", programmableKeys = 1, simultaneousCalls = 2 })).StatusCode);
    }

    private async Task<PhoneModelItem> ModelAsync(string name) =>
        (await OkAsync<List<PhoneModelItem>>(await api.AlphaClient().GetAsync("/api/v1/phone-models"))).Single(m => m.DisplayName == name);

    private async Task<(HttpClient Client, LineDetail Line)> LineAsync(HttpClient? client = null)
    {
        client ??= api.AlphaClient();
        var site = await SiteApiTests.CreateAsync(client, $"Hw {Guid.NewGuid():N}"[..12], "75020", "Paris");
        var line = await OkAsync<LineDetail>(await client.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Hard", lastName = "Ware", email = $"hw.{Guid.NewGuid():N}@example.com" }), HttpStatusCode.Created);
        return (client, line);
    }
}
