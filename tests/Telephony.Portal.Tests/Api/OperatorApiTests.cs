using System.Net;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features;
using Telephony.Portal.Features.NumberPool;
using Telephony.Portal.Features.Tenants;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

[Collection(PortalApiCollection.Name)]
public sealed class OperatorApiTests(PortalApiFixture api)
{
    [Fact]
    public async Task CreateTenant_WithPlansAndOptions_IsReadBackWithItsManager()
    {
        using var op = api.OperatorClient();

        var tenant = await OkAsync<TenantDetail>(await op.PostJsonAsync("/api/v1/operator/tenants", new
        {
            companyName = "Créée par API",
            legalId = "123456789",
            firstManagerEmail = "Boss@Creee.example.com",
            firstManagerName = "Boss",
            plans = new { Fixed = 4, HuntGroup = 1 },
            options = new { Collaboration = 2 },
        }), HttpStatusCode.Created);

        Assert.Equal(("Créée par API", TenantStatus.Active, "creee-par-api.sip.localhost"), (tenant.CompanyName, tenant.Status, tenant.SipDomain));
        Assert.Equal(new PlanCount(4, 0), tenant.Plans[LineKind.Fixed]);
        Assert.Equal(new PlanCount(1, 0), tenant.Plans[LineKind.HuntGroup]);
        Assert.Equal(2, tenant.Options[LineOption.Collaboration]);
        Assert.Equal(["boss@creee.example.com"], tenant.ManagerEmails);
        Assert.Equal(Json(tenant), Json(await OkAsync<TenantDetail>(await op.GetAsync($"/api/v1/operator/tenants/{tenant.Id}"))));
        Assert.Contains((await OkAsync<Page<TenantSummary>>(await op.GetAsync("/api/v1/operator/tenants?search=creee"))).Items, t => t.Id == tenant.Id);
    }

    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value, PortalApiFixture.Json);

    [Fact]
    public async Task CreateTenant_WithTakenManagerEmail_Is409OnTheField()
    {
        var problem = await ProblemAsync(await api.OperatorClient().PostJsonAsync("/api/v1/operator/tenants", new
        {
            companyName = "Copycat",
            firstManagerEmail = "boss@alpha-api.example.com",
            firstManagerName = "Boss",
            plans = new { Fixed = 1 },
            options = new { },
        }), HttpStatusCode.Conflict);

        Assert.NotEmpty(FieldErrors(problem, "firstManagerEmail"));
    }

    [Fact]
    public async Task CreateTenant_WithSeveralInvalidFields_Is400NamingEachField()
    {
        var problem = await ProblemAsync(await api.OperatorClient().PostJsonAsync("/api/v1/operator/tenants", new
        {
            companyName = " ",
            legalId = new string('9', 51),
            firstManagerEmail = "boss at nowhere",
            firstManagerName = "",
            plans = new { Fixed = -1, Ivr = 1 },
            options = new { CollaborationPremium = 100_001 },
            timeZone = "Mars/Olympus",
        }), HttpStatusCode.BadRequest);

        Assert.Equal(["The company name is required (at most 200 characters)."], FieldErrors(problem, "companyName"));
        Assert.Equal(["The legal identifier has at most 50 characters."], FieldErrors(problem, "legalId"));
        Assert.Equal(["A valid e-mail address is required: it is the manager's login."], FieldErrors(problem, "firstManagerEmail"));
        Assert.Equal(["The manager's name is required (at most 100 characters)."], FieldErrors(problem, "firstManagerName"));
        Assert.Equal(["A plan quantity is between 0 and 100000."], FieldErrors(problem, "plans.fixed"));
        Assert.Empty(FieldErrors(problem, "plans.ivr"));
        Assert.Equal(["An option quantity is between 0 and 100000."], FieldErrors(problem, "options.collaborationPremium"));
        Assert.Equal(["Unknown time zone 'Mars/Olympus'."], FieldErrors(problem, "timeZone"));
        Assert.DoesNotContain((await OkAsync<Page<TenantSummary>>(await api.OperatorClient().GetAsync("/api/v1/operator/tenants?pageSize=100"))).Items, t => t.LegalId == new string('9', 51));
    }

    [Fact]
    public async Task CreateTenant_WithoutManagerOrPlans_Is400NotAServerError()
    {
        var problem = await ProblemAsync(await api.OperatorClient().PostJsonAsync("/api/v1/operator/tenants", new { companyName = "Half Done" }), HttpStatusCode.BadRequest);

        Assert.NotEmpty(FieldErrors(problem, "firstManagerEmail"));
        Assert.NotEmpty(FieldErrors(problem, "firstManagerName"));
    }

    [Fact]
    public async Task SetSubscription_BelowTheActiveLines_IsRefusedAndNothingChanges()
    {
        var (tenantId, token) = await api.Host.CreateCompanyAsync("Quota Api Co", fixedPlans: 3);
        using var company = api.Host.Client(token);
        var site = await SiteApiTests.CreateAsync(company, "Quota HQ", "75014", "Paris");
        for (var i = 0; i < 2; i++)
        {
            await OkAsync<object>(await company.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Q", lastName = $"Line{i}", email = $"q{i}@quota.example.com" }), HttpStatusCode.Created);
        }

        using var op = api.OperatorClient();
        var problem = await ProblemAsync(await op.PutJsonAsync($"/api/v1/operator/tenants/{tenantId}/subscription", new { plans = new { Fixed = 1, Ivr = 2 } }), HttpStatusCode.BadRequest);
        Assert.Equal(["2 Fixed line plan(s) are in use; delete lines before going below."], FieldErrors(problem, "plans.fixed"));
        Assert.Equal(new PlanCount(3, 2), (await OkAsync<TenantDetail>(await op.GetAsync($"/api/v1/operator/tenants/{tenantId}"))).Plans[LineKind.Fixed]);
        Assert.Equal(0, (await OkAsync<TenantDetail>(await op.GetAsync($"/api/v1/operator/tenants/{tenantId}"))).Plans[LineKind.Ivr].Bought);

        var changed = await OkAsync<TenantDetail>(await op.PutJsonAsync($"/api/v1/operator/tenants/{tenantId}/subscription", new { plans = new { Fixed = 2, Ivr = 2 }, options = new { CollaborationPremium = 1 } }));
        Assert.Equal((new PlanCount(2, 2), new PlanCount(2, 0), 1), (changed.Plans[LineKind.Fixed], changed.Plans[LineKind.Ivr], changed.Options[LineOption.CollaborationPremium]));
    }

    [Fact]
    public async Task SetSubscription_NegativeQuantity_Is400()
    {
        var problem = await ProblemAsync(await api.OperatorClient().PutJsonAsync($"/api/v1/operator/tenants/{api.Alpha.TenantId}/subscription", new { options = new { Collaboration = -1 } }), HttpStatusCode.BadRequest);

        Assert.NotEmpty(FieldErrors(problem, "options.collaboration"));
    }

    [Fact]
    public async Task UnknownTenant_Is404Everywhere()
    {
        using var op = api.OperatorClient();
        var unknown = Guid.NewGuid();

        await ProblemAsync(await op.GetAsync($"/api/v1/operator/tenants/{unknown}"), HttpStatusCode.NotFound);
        await ProblemAsync(await op.PostAsync($"/api/v1/operator/tenants/{unknown}/suspend", null), HttpStatusCode.NotFound);
        await ProblemAsync(await op.PostAsync($"/api/v1/operator/tenants/{unknown}/reactivate", null), HttpStatusCode.NotFound);
        await ProblemAsync(await op.PutJsonAsync($"/api/v1/operator/tenants/{unknown}/subscription", new { plans = new { Fixed = 1 } }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SuspendTenant_StatusIsSuspended_AndReactivateRestoresIt()
    {
        var (tenantId, _) = await api.Host.CreateCompanyAsync("Suspend Api Co");
        using var op = api.OperatorClient();

        Assert.Equal(TenantStatus.Suspended, (await OkAsync<TenantDetail>(await op.PostAsync($"/api/v1/operator/tenants/{tenantId}/suspend", null))).Status);
        Assert.Equal(TenantStatus.Suspended, (await OkAsync<TenantDetail>(await op.GetAsync($"/api/v1/operator/tenants/{tenantId}"))).Status);
        Assert.Equal(TenantStatus.Active, (await OkAsync<TenantDetail>(await op.PostAsync($"/api/v1/operator/tenants/{tenantId}/reactivate", null))).Status);
    }

    [Fact]
    public async Task NumberPool_AddBlock_ListByZone_RefuseDuplicates_RemoveFree()
    {
        using var op = api.OperatorClient();

        var added = await OkAsync<List<PoolNumberItem>>(await op.PostJsonAsync("/api/v1/operator/number-pool", new { from = "05 99 20 00 00", count = 3 }));
        Assert.Equal(["+33599200000", "+33599200001", "+33599200002"], added.Select(n => n.Number));
        Assert.All(added, n => Assert.Equal((NumberZone.SouthWest, PoolNumberState.Free), (n.Zone, n.State)));

        var listed = await OkAsync<Page<PoolNumberItem>>(await op.GetAsync("/api/v1/operator/number-pool?zone=SouthWest&state=Free"));
        Assert.Equal(3, listed.Total);
        Assert.Equal(3, (await OkAsync<List<ZoneCount>>(await op.GetAsync("/api/v1/operator/number-pool/zones"))).Single(z => z.Zone == NumberZone.SouthWest).Free);

        var duplicate = await ProblemAsync(await op.PostJsonAsync("/api/v1/operator/number-pool", new { numbers = (string[])["0599200001", "0599200009"] }), HttpStatusCode.Conflict);
        Assert.Contains("05 99 20 00 01", duplicate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, (await OkAsync<Page<PoolNumberItem>>(await op.GetAsync("/api/v1/operator/number-pool?zone=SouthWest"))).Total);

        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync("/api/v1/operator/number-pool/+33599200002")).StatusCode);
        await ProblemAsync(await op.DeleteAsync("/api/v1/operator/number-pool/+33599200002"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NumberPool_InvalidNumbers_NamesEachOne()
    {
        var problem = await ProblemAsync(await api.OperatorClient().PostJsonAsync("/api/v1/operator/number-pool", new { numbers = (string[])["0599300000", "12345", "0899000000"] }), HttpStatusCode.BadRequest);

        Assert.Empty(FieldErrors(problem, "numbers[0]"));
        Assert.NotEmpty(FieldErrors(problem, "numbers[1]"));
        Assert.NotEmpty(FieldErrors(problem, "numbers[2]"));
    }

    [Fact]
    public async Task NumberPool_RemoveAssignedNumber_Is409()
    {
        using var alpha = api.AlphaClient();
        var site = await SiteApiTests.CreateAsync(alpha, "Pool check", "75016", "Paris");
        var line = await OkAsync<Telephony.Portal.Features.Lines.LineDetail>(await alpha.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Pool", lastName = "Holder", email = "pool.holder@alpha.example.com" }), HttpStatusCode.Created);

        Assert.Equal("pool.assigned", Code(await ProblemAsync(await api.OperatorClient().DeleteAsync($"/api/v1/operator/number-pool/{Uri.EscapeDataString(line.PublicNumber)}"), HttpStatusCode.Conflict)));
    }
}
