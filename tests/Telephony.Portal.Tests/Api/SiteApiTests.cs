using System.Net;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Features;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.Sites;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

[Collection(PortalApiCollection.Name)]
public sealed class SiteApiTests(PortalApiFixture api)
{
    [Fact]
    public async Task CreateSite_InLyon_IsInZone04AndListedWithItsLineCount()
    {
        using var alpha = api.AlphaClient();
        var site = await OkAsync<SiteSummary>(await alpha.PostJsonAsync("/api/v1/sites", new { name = "Lyon agency", street = "1 place Bellecour", postcode = "69002", city = "Lyon" }), HttpStatusCode.Created);

        Assert.Equal((NumberZone.SouthEast, "LYON", 0), (site.Zone, site.City, site.LineCount));
        var found = await OkAsync<Page<SiteSummary>>(await alpha.GetAsync("/api/v1/sites?search=BELLECOUR"));
        Assert.Contains(found.Items, s => s.Id == site.Id);
        Assert.Equal(site, await OkAsync<SiteSummary>(await alpha.GetAsync($"/api/v1/sites/{site.Id}")));
    }

    [Fact]
    public async Task CreateSite_WithSeveralBadFields_ReportsEachField()
    {
        var problem = await ProblemAsync(await api.AlphaClient().PostJsonAsync("/api/v1/sites", new { name = "", street = "1 rue X", postcode = "7500", city = "" }), HttpStatusCode.BadRequest);

        Assert.Equal(["The site name is required (at most 100 characters)."], FieldErrors(problem, "name"));
        Assert.Equal(["A French postcode has exactly 5 digits."], FieldErrors(problem, "postcode"));
        Assert.NotEmpty(FieldErrors(problem, "city"));
        Assert.Empty(FieldErrors(problem, "street"));
    }

    [Fact]
    public async Task SiteSearch_IsAccentInsensitive()
    {
        using var alpha = api.AlphaClient();
        var site = await CreateAsync(alpha, "Agence Élysée", "75008", "Paris");

        var found = await OkAsync<Page<SiteSummary>>(await alpha.GetAsync("/api/v1/sites?search=elysee"));

        Assert.Contains(found.Items, s => s.Id == site.Id);
    }

    [Fact]
    public async Task RenameSite_ChangesOnlyTheName()
    {
        using var alpha = api.AlphaClient();
        var site = await CreateAsync(alpha, "Old name", "33000", "Bordeaux");

        var renamed = await OkAsync<SiteSummary>(await alpha.PatchJsonAsync($"/api/v1/sites/{site.Id}", new { name = "Bordeaux office" }));

        Assert.Equal(site with { Name = "Bordeaux office" }, renamed);
    }

    [Fact]
    public async Task RenameSite_ToEmpty_Is400OnName()
    {
        using var alpha = api.AlphaClient();
        var site = await CreateAsync(alpha, "Nantes", "44000", "Nantes");

        var problem = await ProblemAsync(await alpha.PatchJsonAsync($"/api/v1/sites/{site.Id}", new { name = " " }), HttpStatusCode.BadRequest);

        Assert.NotEmpty(FieldErrors(problem, "name"));
    }

    [Fact]
    public async Task MobileLinesSite_CannotBeRenamedNorDeleted()
    {
        using var alpha = api.AlphaClient();
        var mobile = (await OkAsync<Page<SiteSummary>>(await alpha.GetAsync("/api/v1/sites?pageSize=100"))).Items.Single(s => s.IsMobileLinesSite);

        await ProblemAsync(await alpha.PatchJsonAsync($"/api/v1/sites/{mobile.Id}", new { name = "Mine" }), HttpStatusCode.BadRequest);
        Assert.Equal("site.mobile-readonly", Code(await ProblemAsync(await alpha.DeleteAsync($"/api/v1/sites/{mobile.Id}"), HttpStatusCode.Conflict)));
    }

    [Fact]
    public async Task DeleteSite_WithALine_Is409_ThenWithoutIt_Succeeds()
    {
        using var alpha = api.AlphaClient();
        var site = await CreateAsync(alpha, "Short-lived", "75011", "Paris");
        var line = await OkAsync<LineDetail>(await alpha.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Analog", name = "Fax corner" }), HttpStatusCode.Created);

        Assert.Equal("site.in-use", Code(await ProblemAsync(await alpha.DeleteAsync($"/api/v1/sites/{site.Id}"), HttpStatusCode.Conflict)));

        Assert.Equal(HttpStatusCode.NoContent, (await alpha.DeleteAsync($"/api/v1/lines/{line.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alpha.DeleteAsync($"/api/v1/sites/{site.Id}")).StatusCode);
        await ProblemAsync(await alpha.GetAsync($"/api/v1/sites/{site.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SiteOfAnotherCompany_Is404ForGetRenameAndDelete_AndUnchanged()
    {
        var betaSite = await CreateAsync(api.BetaClient(), "Beta secret site", "75015", "Paris");
        using var alpha = api.AlphaClient();

        await ProblemAsync(await alpha.GetAsync($"/api/v1/sites/{betaSite.Id}"), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PatchJsonAsync($"/api/v1/sites/{betaSite.Id}", new { name = "Taken over" }), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.DeleteAsync($"/api/v1/sites/{betaSite.Id}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await OkAsync<Page<SiteSummary>>(await alpha.GetAsync("/api/v1/sites?pageSize=100"))).Items, s => s.Id == betaSite.Id);

        Assert.Equal(betaSite, await OkAsync<SiteSummary>(await api.BetaClient().GetAsync($"/api/v1/sites/{betaSite.Id}")));
    }

    internal static async Task<SiteSummary> CreateAsync(HttpClient client, string name, string postcode, string city) =>
        await OkAsync<SiteSummary>(await client.PostJsonAsync("/api/v1/sites", new { name, street = "1 rue de test", postcode, city }), HttpStatusCode.Created);
}
