using System.Net;
using Telephony.Portal.Domain.Audit;
using Telephony.Portal.Features;
using Telephony.Portal.Features.Audit;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.Sites;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

/// <summary>A-AUDIT through the API: a company reads its own changes only; the operator reads the platform's.</summary>
[Collection(PortalApiCollection.Name)]
public sealed class AuditApiTests(PortalApiFixture api) : IAsyncLifetime
{
    private HttpClient _client = null!;
    private Guid _tenantId;
    private SiteSummary _site = null!;

    public async Task InitializeAsync()
    {
        (_tenantId, var token) = await api.Host.CreateCompanyAsync($"Audit {Guid.NewGuid():N}"[..16], fixedPlans: 10);
        _client = api.Host.Client(token);
        _site = await SiteApiTests.CreateAsync(_client, "Audit HQ", "75011", "Paris");
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ForwardingChange_IsListedWithWhoAndBeforeAfter()
    {
        var line = await LineAsync(_client, _site.Id, "Alice");
        var services = await OkAsync<Telephony.Portal.Domain.Lines.Services.LineServices>(await _client.GetAsync($"/api/v1/lines/{line.Id}/services"));
        var forwarding = services.Forwarding with { Busy = new(true, Telephony.Portal.Domain.Lines.Services.ForwardTarget.Number, "0612345678") };
        await OkAsync<object>(await _client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/forwarding", forwarding));

        var history = await OkAsync<Page<AuditEntryView>>(await _client.GetAsync($"/api/v1/audit?objectId={line.Id}"));

        Assert.Equal([AuditAction.Changed, AuditAction.Created], history.Items.Select(e => e.Action));
        var change = history.Items[0];
        Assert.Equal((_tenantId, "Manager", "API key tests", "Line", $"Alice Test ({line.PublicNumber})"), (change.TenantId, change.ActorRole, change.ActorName, change.ObjectType, change.Label));
        Assert.Equal("Voicemail", change.Before!.Value.GetProperty("services.forwarding.busy.target").GetString());
        Assert.Equal("+33612345678", change.After!.Value.GetProperty("services.forwarding.busy.number").GetString());
        Assert.Contains(new AuditChange("services.forwarding.busy.target", "Voicemail", "Number"), change.Changes);
        Assert.Equal("********", history.Items[1].After!.Value.GetProperty("sipPassword").GetString());
    }

    [Fact]
    public async Task AnotherCompanysChanges_AreNeverListed()
    {
        var line = await LineAsync(_client, _site.Id, "Secret");
        using var beta = api.BetaClient();

        var betaLog = await OkAsync<Page<AuditEntryView>>(await beta.GetAsync("/api/v1/audit?pageSize=100"));
        var byOurId = await OkAsync<Page<AuditEntryView>>(await beta.GetAsync($"/api/v1/audit?objectId={line.Id}"));

        Assert.All(betaLog.Items, e => Assert.Equal(api.Beta.TenantId, e.TenantId));
        Assert.DoesNotContain(betaLog.Items, e => e.ObjectId == line.Id.ToString());
        Assert.Equal(0, byOurId.Total);
        Assert.Empty(byOurId.Items);
    }

    [Fact]
    public async Task FiltersAndPaging_NarrowTheList()
    {
        foreach (var name in new[] { "Lille", "Lyon", "Nantes" })
        {
            await SiteApiTests.CreateAsync(_client, name, "59000", "Lille");
        }

        var first = await OkAsync<Page<AuditEntryView>>(await _client.GetAsync("/api/v1/audit?objectType=Site&pageSize=2"));
        var second = await OkAsync<Page<AuditEntryView>>(await _client.GetAsync("/api/v1/audit?objectType=Site&pageSize=2&page=2"));
        var later = await OkAsync<Page<AuditEntryView>>(await _client.GetAsync($"/api/v1/audit?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}"));
        var earlier = await OkAsync<Page<AuditEntryView>>(await _client.GetAsync($"/api/v1/audit?objectType=Site&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}&from=2026-01-01T00:00:00Z"));

        Assert.Equal((5, 2, 2), (first.Total, first.Items.Count, second.Items.Count)); // with the mobile lines site made with the company
        Assert.Equal(["Nantes", "Lyon", "Lille", "Audit HQ"], first.Items.Concat(second.Items).Select(e => e.Label));
        Assert.All(first.Items.Concat(second.Items), e => Assert.Equal(("Site", AuditAction.Created), (e.ObjectType, e.Action)));
        Assert.Equal(0, later.Total);
        Assert.Equal(5, earlier.Total);
        var problem = await ProblemAsync(await _client.GetAsync("/api/v1/audit?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"), HttpStatusCode.BadRequest);
        Assert.NotEmpty(FieldErrors(problem, "from"));
    }

    [Fact]
    public async Task Operator_SeesCompanyAndPlatformRecords_NarrowedToOneCompany()
    {
        var line = await LineAsync(_client, _site.Id, "Bruno");
        using var operatorClient = api.OperatorClient();
        await OkAsync<object>(await operatorClient.PostAsync($"/api/v1/operator/tenants/{_tenantId}/suspend", null));
        await OkAsync<object>(await operatorClient.PostAsync($"/api/v1/operator/tenants/{_tenantId}/reactivate", null));

        var ours = await OkAsync<Page<AuditEntryView>>(await operatorClient.GetAsync($"/api/v1/operator/audit?tenantId={_tenantId}&pageSize=100"));
        var suspension = await OkAsync<Page<AuditEntryView>>(await operatorClient.GetAsync($"/api/v1/operator/audit?tenantId={_tenantId}&objectType=Tenant"));

        Assert.All(ours.Items, e => Assert.Equal((Guid?)_tenantId, e.CompanyId));
        Assert.Contains(ours.Items, e => e.TenantId == _tenantId && e.ObjectId == line.Id.ToString());
        Assert.Equal([AuditAction.Changed, AuditAction.Changed, AuditAction.Created], suspension.Items.Select(e => e.Action));
        var reactivation = suspension.Items[0];
        Assert.Equal(((Guid?)null, "Operator", "API key operator tests"), (reactivation.TenantId, reactivation.ActorRole, reactivation.ActorName));
        Assert.Equal([new AuditChange("status", "Suspended", "Active")], reactivation.Changes);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.GetAsync("/api/v1/operator/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/v1/audit")).StatusCode);
    }

    private static async Task<LineDetail> LineAsync(HttpClient client, Guid siteId, string firstName) =>
        await OkAsync<LineDetail>(await client.PostJsonAsync("/api/v1/lines", new { siteId, kind = "Fixed", firstName, lastName = "Test", email = $"{firstName}.{Guid.NewGuid():N}@example.com" }), HttpStatusCode.Created);
}
