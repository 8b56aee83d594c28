using System.Net;
using System.Net.Http.Headers;
using Telephony.Portal.Features.ApiKeys;
using Telephony.Portal.Features.Tenants;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

[Collection(PortalApiCollection.Name)]
public sealed class ApiAuthenticationTests(PortalApiFixture api)
{
    [Fact]
    public async Task Request_WithoutKey_Is401Problem()
    {
        var problem = await ProblemAsync(await api.Host.Client().GetAsync("/api/v1/sites"), HttpStatusCode.Unauthorized);

        Assert.Contains("API key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("tk_00000000000000000000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Request_WithMalformedOrUnknownKey_Is401(string token)
    {
        var problem = await ProblemAsync(await api.Host.Client(token).GetAsync("/api/v1/sites"), HttpStatusCode.Unauthorized);

        Assert.Matches("malformed|unknown", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Request_WithAlteredSecret_Is401()
    {
        var altered = api.Alpha.Token[..^1] + (api.Alpha.Token[^1] == 'A' ? 'B' : 'A');

        await ProblemAsync(await api.Host.Client(altered).GetAsync("/api/v1/sites"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_WithXApiKeyHeader_IsAccepted()
    {
        using var client = api.Host.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", api.Alpha.Token);

        await OkAsync<object>(await client.GetAsync("/api/v1/offer"));
    }

    [Fact]
    public async Task Request_WithSessionCookieOnly_IsNotAuthenticated()
    {
        using var client = api.Host.Client();
        client.DefaultRequestHeaders.Add("Cookie", "telephony.portal=forged");

        await ProblemAsync(await client.GetAsync("/api/v1/offer"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ManagerKey_OnOperatorEndpoint_Is403()
    {
        await ProblemAsync(await api.AlphaClient().GetAsync("/api/v1/operator/tenants"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OperatorKey_OnCompanyEndpoint_Is403()
    {
        await ProblemAsync(await api.OperatorClient().GetAsync("/api/v1/sites"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task IssuedKey_WorksUntilRevoked_AndIsListedWithoutItsToken()
    {
        using var alpha = api.AlphaClient();
        var issued = await OkAsync<IssuedApiKey>(await alpha.PostJsonAsync("/api/v1/api-keys", new { name = "CRM sync" }), HttpStatusCode.Created);
        using var crm = api.Host.Client(issued.Token);
        await OkAsync<object>(await crm.GetAsync("/api/v1/offer"));

        var listed = await OkAsync<List<ApiKeyItem>>(await alpha.GetAsync("/api/v1/api-keys"));
        Assert.Contains(listed, k => k.Id == issued.Id && k.Name == "CRM sync" && k.RevokedAt is null);
        Assert.DoesNotContain(issued.Token, await (await alpha.GetAsync("/api/v1/api-keys")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await alpha.DeleteAsync($"/api/v1/api-keys/{issued.Id}")).StatusCode);
        await ProblemAsync(await crm.GetAsync("/api/v1/offer"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task IssueKey_WithoutName_Is400OnTheField()
    {
        var problem = await ProblemAsync(await api.AlphaClient().PostJsonAsync("/api/v1/api-keys", new { name = "" }), HttpStatusCode.BadRequest);

        Assert.NotEmpty(FieldErrors(problem, "name"));
    }

    [Fact]
    public async Task RevokeKey_OfAnotherCompany_Is404AndTheKeyStillWorks()
    {
        var betaKey = await OkAsync<IssuedApiKey>(await api.BetaClient().PostJsonAsync("/api/v1/api-keys", new { name = "beta tool" }), HttpStatusCode.Created);

        await ProblemAsync(await api.AlphaClient().DeleteAsync($"/api/v1/api-keys/{betaKey.Id}"), HttpStatusCode.NotFound);

        await OkAsync<object>(await api.Host.Client(betaKey.Token).GetAsync("/api/v1/offer"));
    }

    [Fact]
    public async Task CompanyKey_OfSuspendedCompany_Is401SayingSo()
    {
        var (tenantId, token) = await api.Host.CreateCompanyAsync("Suspended Api Co");
        await OkAsync<TenantDetail>(await api.OperatorClient().PostAsync($"/api/v1/operator/tenants/{tenantId}/suspend", null));

        var problem = await ProblemAsync(await api.Host.Client(token).GetAsync("/api/v1/offer"), HttpStatusCode.Unauthorized);

        Assert.Contains("suspended", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await OkAsync<TenantDetail>(await api.OperatorClient().PostAsync($"/api/v1/operator/tenants/{tenantId}/reactivate", null));
        await OkAsync<object>(await api.Host.Client(token).GetAsync("/api/v1/offer"));
    }

    [Fact]
    public async Task OperatorKeys_AreManagedInTheOperatorScope()
    {
        using var op = api.OperatorClient();
        var issued = await OkAsync<IssuedApiKey>(await op.PostJsonAsync("/api/v1/operator/api-keys", new { name = "billing" }), HttpStatusCode.Created);

        Assert.Contains(await OkAsync<List<ApiKeyItem>>(await op.GetAsync("/api/v1/operator/api-keys")), k => k.Id == issued.Id);
        Assert.DoesNotContain(await OkAsync<List<ApiKeyItem>>(await api.AlphaClient().GetAsync("/api/v1/api-keys")), k => k.Id == issued.Id);
        await ProblemAsync(await api.AlphaClient().DeleteAsync($"/api/v1/api-keys/{issued.Id}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/v1/operator/api-keys/{issued.Id}")).StatusCode);
        await ProblemAsync(await api.Host.Client(issued.Token).GetAsync("/api/v1/operator/tenants"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task MalformedJson_Is400Problem()
    {
        using var content = new StringContent("{\"name\": ", System.Text.Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var problem = await ProblemAsync(await api.AlphaClient().PostAsync("/api/v1/sites", content), HttpStatusCode.BadRequest);

        Assert.Equal("request.unreadable", Code(problem));
    }

    [Fact]
    public async Task WrongTypeInJson_Is400NamingTheField()
    {
        var problem = await ProblemAsync(await api.AlphaClient().PostJsonAsync("/api/v1/lines", new { siteId = "not-a-guid", kind = "Fixed" }), HttpStatusCode.BadRequest);

        Assert.NotEmpty(FieldErrors(problem, "siteId"));
    }

    [Fact]
    public async Task UnknownEnumValueInQuery_Is400Problem()
    {
        await ProblemAsync(await api.AlphaClient().GetAsync("/api/v1/lines?kind=Fax"), HttpStatusCode.BadRequest);
    }
}
