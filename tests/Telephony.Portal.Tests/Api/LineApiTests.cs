using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Features;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.Offer;
using Telephony.Portal.Features.Sites;
using Telephony.Portal.Infrastructure.Persistence;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

[Collection(PortalApiCollection.Name)]
public sealed class LineApiTests(PortalApiFixture api)
{
    [Fact]
    public async Task ActivateLine_FixedOnAParisSite_GetsAZone01NumberAndIsReadBack()
    {
        using var alpha = api.AlphaClient();
        var site = await SiteApiTests.CreateAsync(alpha, "Paris HQ", "75002", "Paris");

        var line = await OkAsync<LineDetail>(await alpha.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Élodie", lastName = "Durand", email = "elodie.durand@alpha.example.com", shortNumber = "3101" }), HttpStatusCode.Created);

        Assert.StartsWith("+331", line.PublicNumber, StringComparison.Ordinal);
        Assert.Equal(("Élodie Durand", "3101", "Paris HQ", LineKind.Fixed), (line.DisplayName, line.ShortNumber, line.SiteName, line.Kind));
        Assert.Equal(line, await OkAsync<LineDetail>(await alpha.GetAsync($"/api/v1/lines/{line.Id}")));
        Assert.DoesNotContain("sipPassword", await (await alpha.GetAsync($"/api/v1/lines/{line.Id}")).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ActivateLine_WithEveryFieldWrong_ReportsEachField()
    {
        using var alpha = api.AlphaClient();
        var site = await SiteApiTests.CreateAsync(alpha, "Validation site", "75003", "Paris");

        var problem = await ProblemAsync(await alpha.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "", lastName = "", email = "not-an-email", shortNumber = "1" }), HttpStatusCode.BadRequest);

        Assert.Equal(["A short number has 2 to 6 digits."], FieldErrors(problem, "shortNumber"));
        Assert.NotEmpty(FieldErrors(problem, "firstName"));
        Assert.NotEmpty(FieldErrors(problem, "lastName"));
        Assert.Equal(["A valid e-mail address is required: it is the user's login."], FieldErrors(problem, "email"));
    }

    [Fact]
    public async Task ActivateLine_WithAnEmailAlreadyUsedInAnotherCompany_Is409OnEmail()
    {
        var betaSite = await SiteApiTests.CreateAsync(api.BetaClient(), "Beta HQ", "75004", "Paris");
        await OkAsync<LineDetail>(await api.BetaClient().PostJsonAsync("/api/v1/lines", new { siteId = betaSite.Id, kind = "Fixed", firstName = "Sam", lastName = "Same", email = "sam.same@shared.example.com" }), HttpStatusCode.Created);
        var alphaSite = await SiteApiTests.CreateAsync(api.AlphaClient(), "Alpha twin", "75004", "Paris");

        var problem = await ProblemAsync(await api.AlphaClient().PostJsonAsync("/api/v1/lines", new { siteId = alphaSite.Id, kind = "Fixed", firstName = "Sam", lastName = "Other", email = "SAM.SAME@shared.example.com" }), HttpStatusCode.Conflict);

        Assert.Equal(["This e-mail address is already used by another account."], FieldErrors(problem, "email"));
    }

    [Fact]
    public async Task ActivateLine_WithANewSite_CreatesBoth_AndAFailureCreatesNeither()
    {
        var (_, token) = await api.Host.CreateCompanyAsync("New Site Api Co", fixedPlans: 1);
        using var client = api.Host.Client(token);
        var newSite = new { name = "Saint-Denis", street = "2 rue de la Gare", postcode = "93200", city = "Saint-Denis" };

        var refused = await ProblemAsync(await client.PostJsonAsync("/api/v1/lines", new { kind = "Fixed", firstName = "No", lastName = "Email", newSite = newSite with { postcode = "9320" } }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(FieldErrors(refused, "newSite.postcode"));
        Assert.NotEmpty(FieldErrors(refused, "email"));
        Assert.Single((await OkAsync<Page<SiteSummary>>(await client.GetAsync("/api/v1/sites"))).Items); // only the mobile lines site

        var line = await OkAsync<LineDetail>(await client.PostJsonAsync("/api/v1/lines", new { kind = "Fixed", firstName = "Sam", lastName = "Denis", email = "sam.denis@newsite.example.com", newSite }), HttpStatusCode.Created);
        Assert.Equal("Saint-Denis", line.SiteName);

        var noPlan = await ProblemAsync(await client.PostJsonAsync("/api/v1/lines", new { kind = "Fixed", firstName = "Too", lastName = "Many", email = "too.many@newsite.example.com", newSite = newSite with { name = "Second site" } }), HttpStatusCode.Conflict);
        Assert.Equal("line.no-plan", Code(noPlan));
        Assert.DoesNotContain((await OkAsync<Page<SiteSummary>>(await client.GetAsync("/api/v1/sites"))).Items, s => s.Name == "Second site");
    }

    [Fact]
    public async Task ActivateLine_OnASiteOfAnotherCompany_Is404()
    {
        var betaSite = await SiteApiTests.CreateAsync(api.BetaClient(), "Beta only", "75005", "Paris");

        await ProblemAsync(await api.AlphaClient().PostJsonAsync("/api/v1/lines", new { siteId = betaSite.Id, kind = "Fixed", firstName = "Eve", lastName = "Intruder", email = "eve@alpha.example.com" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ActivateLine_BeyondThePlans_Is409SayingHowMany()
    {
        var (_, token) = await api.Host.CreateCompanyAsync("Tiny Api Co", fixedPlans: 1);
        using var tiny = api.Host.Client(token);
        var site = await SiteApiTests.CreateAsync(tiny, "Tiny", "75006", "Paris");
        await OkAsync<LineDetail>(await tiny.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "One", lastName = "Only", email = "one@tiny.example.com" }), HttpStatusCode.Created);

        var problem = await ProblemAsync(await tiny.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Two", lastName = "Many", email = "two@tiny.example.com" }), HttpStatusCode.Conflict);

        Assert.Equal("line.no-plan", Code(problem));
        Assert.Contains("1 of 1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ByNamePartAccentAndCase_AndBySeveralNumbers_FindsTheLines()
    {
        var (_, token) = await api.Host.CreateCompanyAsync("Search Api Co", fixedPlans: 10);
        using var client = api.Host.Client(token);
        var site = await SiteApiTests.CreateAsync(client, "Search HQ", "75007", "Paris");
        var chloe = await ActivateAsync(client, site.Id, "Chloé", "Lefèvre");
        var marc = await ActivateAsync(client, site.Id, "Marc", "Lefebvre");
        var zoe = await ActivateAsync(client, site.Id, "Zoé", "Martin");

        Assert.Equal(Ids(chloe.Id), await SearchAsync(client, "CHLOE"));
        Assert.Equal(Ids(chloe.Id), await SearchAsync(client, "lefev"));
        Assert.Equal(Ids(chloe.Id, marc.Id), await SearchAsync(client, "lef"));
        Assert.Equal(Ids(zoe.Id), await SearchAsync(client, "zoe mar"));
        Assert.Equal(Ids(marc.Id, zoe.Id), await SearchAsync(client, $"{marc.NationalNumber};{zoe.PublicNumber}"));
        Assert.Equal(Ids(marc.Id), await SearchAsync(client, marc.NationalNumber.Replace(" ", "", StringComparison.Ordinal)[4..]));
        Assert.Empty(await SearchAsync(client, "nobody"));
    }

    [Fact]
    public async Task List_FiltersBySiteAndKind_AndPages()
    {
        var (_, token) = await api.Host.CreateCompanyAsync("Paging Api Co", fixedPlans: 10);
        using var client = api.Host.Client(token);
        var site = await SiteApiTests.CreateAsync(client, "Paging HQ", "75008", "Paris");
        var other = await SiteApiTests.CreateAsync(client, "Paging annex", "75009", "Paris");
        for (var i = 0; i < 5; i++)
        {
            await ActivateAsync(client, site.Id, "Person", $"Number{i}");
        }

        await ActivateAsync(client, other.Id, "Elsewhere", "Someone");
        var analog = await OkAsync<LineDetail>(await client.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Analog", name = "Door intercom" }), HttpStatusCode.Created);

        var page2 = await OkAsync<Page<LineListItem>>(await client.GetAsync($"/api/v1/lines?siteId={site.Id}&kind=Fixed&kind=FixedForMobile&page=2&pageSize=2"));
        Assert.Equal((5, 3, 2), (page2.Total, page2.PageCount, page2.Items.Count));
        Assert.Equal(["Person Number2", "Person Number3"], page2.Items.Select(l => l.DisplayName));
        var analogs = await OkAsync<Page<LineListItem>>(await client.GetAsync($"/api/v1/lines?kind=Analog"));
        Assert.Equal([analog.Id], analogs.Items.Select(l => l.Id));
        Assert.Equal(6, (await OkAsync<SiteSummary>(await client.GetAsync($"/api/v1/sites/{site.Id}"))).LineCount);
    }

    [Fact]
    public async Task DeleteLine_FreesThePlanAndQuarantinesTheNumber()
    {
        var (tenantId, token) = await api.Host.CreateCompanyAsync("Delete Api Co", fixedPlans: 1);
        using var client = api.Host.Client(token);
        var site = await SiteApiTests.CreateAsync(client, "Delete HQ", "75010", "Paris");
        var line = await ActivateAsync(client, site.Id, "Gone", "Soon");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/lines/{line.Id}")).StatusCode);

        await ProblemAsync(await client.GetAsync($"/api/v1/lines/{line.Id}"), HttpStatusCode.NotFound);
        var offer = await OkAsync<OfferSummary>(await client.GetAsync("/api/v1/offer"));
        Assert.Equal(1, offer.Plans.Single(p => p.Kind == LineKind.Fixed).Available);
        var number = await api.Host.InScopeAsync(null, services => services.GetRequiredService<PortalDbContext>().PoolNumbers.SingleAsync(n => n.Number == line.PublicNumber));
        Assert.Null(number.AssignedTenantId);
        Assert.True(number.QuarantinedUntil > DateTime.UtcNow.AddDays(29), $"quarantined until {number.QuarantinedUntil}");
        var again = await ActivateAsync(client, site.Id, "New", "Comer");
        Assert.NotEqual(line.PublicNumber, again.PublicNumber);
        Assert.NotEqual(tenantId, Guid.Empty);
    }

    [Fact]
    public async Task LineOfAnotherCompany_Is404ForGetAndDelete_AndNotListed()
    {
        using var beta = api.BetaClient();
        var betaSite = await SiteApiTests.CreateAsync(beta, "Beta private", "75012", "Paris");
        var betaLine = await ActivateAsync(beta, betaSite.Id, "Béatrice", "Privée");
        using var alpha = api.AlphaClient();

        await ProblemAsync(await alpha.GetAsync($"/api/v1/lines/{betaLine.Id}"), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.DeleteAsync($"/api/v1/lines/{betaLine.Id}"), HttpStatusCode.NotFound);
        Assert.Empty((await OkAsync<Page<LineListItem>>(await alpha.GetAsync("/api/v1/lines?search=beatrice"))).Items);
        Assert.Empty((await OkAsync<Page<LineListItem>>(await alpha.GetAsync($"/api/v1/lines?siteId={betaSite.Id}"))).Items);

        Assert.Equal(betaLine, await OkAsync<LineDetail>(await beta.GetAsync($"/api/v1/lines/{betaLine.Id}")));
    }

    [Fact]
    public async Task Offer_CountsPlansPerKind()
    {
        var (_, token) = await api.Host.CreateCompanyAsync("Offer Api Co", fixedPlans: 3);
        using var client = api.Host.Client(token);
        var site = await SiteApiTests.CreateAsync(client, "Offer HQ", "75013", "Paris");
        await ActivateAsync(client, site.Id, "Only", "One");

        var offer = await OkAsync<OfferSummary>(await client.GetAsync("/api/v1/offer"));

        var fixedPlans = offer.Plans.Single(p => p.Kind == LineKind.Fixed);
        Assert.Equal((3, 1, 2), (fixedPlans.Bought, fixedPlans.Assigned, fixedPlans.Available));
        Assert.Equal("Offer Api Co", offer.CompanyName);
    }

    private static async Task<LineDetail> ActivateAsync(HttpClient client, Guid siteId, string first, string last) =>
        await OkAsync<LineDetail>(await client.PostJsonAsync("/api/v1/lines", new { siteId, kind = "Fixed", firstName = first, lastName = last, email = UniqueEmail() }), HttpStatusCode.Created);

    /// <summary>
    /// Only the letters g, i, j and k (two per hex digit), so neither a number search nor the
    /// name searches of these tests ("lef", "chloe"…) can match the e-mail.
    /// </summary>
    private static string UniqueEmail() =>
        string.Concat(Guid.NewGuid().ToString("N").Select(c => Convert.ToInt32(c.ToString(), 16)).Select(n => $"{"gijk"[n / 4]}{"gijk"[n % 4]}")) + "@example.com";

    private static async Task<HashSet<Guid>> SearchAsync(HttpClient client, string search) =>
        (await OkAsync<Page<LineListItem>>(await client.GetAsync($"/api/v1/lines?search={Uri.EscapeDataString(search)}"))).Items.Select(l => l.Id).ToHashSet();

    private static HashSet<Guid> Ids(params Guid[] ids) => [.. ids];
}
