using System.Net;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Features;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.Sites;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

[Collection(PortalApiCollection.Name)]
public sealed class MobileAssociationApiTests(PortalApiFixture api) : IAsyncLifetime
{
    private Guid _tenantId;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        (_tenantId, var token) = await api.Host.CreateCompanyAsync($"Mobile {Guid.NewGuid():N}"[..16]);
        await OkAsync<object>(await api.OperatorClient().PutJsonAsync($"/api/v1/operator/tenants/{_tenantId}/subscription", new { plans = new { Fixed = 5, FixedForMobile = 1, Mobile = 3 } }));
        await api.Host.AddPoolNumbersAsync($"06{Random.Shared.Next(10_000_000, 99_999_990)}", 3);
        _client = api.Host.Client(token);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Associate_IsPendingUntilTheMobileNetworkConfirms_ThenActiveInTheSnapshotCandidates()
    {
        var fixedLine = await FixedLineAsync();
        var mobile = await MobileLineAsync("Mo");

        var pending = await OkAsync<MobileAssociationView>(await _client.PutJsonAsync($"/api/v1/lines/{fixedLine.Id}/mobile", new { mobileLineId = mobile.Id }));
        Assert.Equal((MobileAssociationState.Pending, mobile.Id), (pending.State, pending.MobileLineId));
        Assert.Equal(fixedLine.Id, (await OkAsync<List<MobileCandidate>>(await _client.GetAsync("/api/v1/lines/mobile-candidates"))).Single(c => c.LineId == mobile.Id).AssociatedWithLineId);
        Assert.Contains(await OkAsync<List<PendingMobileAssociation>>(await api.OperatorClient().GetAsync("/api/v1/operator/mobile-associations")), p => p.LineId == fixedLine.Id && p.MobileNumber == mobile.PublicNumber);

        var active = await OkAsync<MobileAssociationView>(await api.OperatorClient().PostAsync($"/api/v1/operator/mobile-associations/{_tenantId}/{fixedLine.Id}/confirm", null));
        Assert.Equal(MobileAssociationState.Active, active.State);
        Assert.DoesNotContain(await OkAsync<List<PendingMobileAssociation>>(await api.OperatorClient().GetAsync("/api/v1/operator/mobile-associations")), p => p.LineId == fixedLine.Id);
        Assert.Equal("mobile.not-pending", Code(await ProblemAsync(await api.OperatorClient().PostAsync($"/api/v1/operator/mobile-associations/{_tenantId}/{fixedLine.Id}/confirm", null), HttpStatusCode.Conflict)));

        var ended = await OkAsync<MobileAssociationView>(await _client.DeleteAsync($"/api/v1/lines/{fixedLine.Id}/mobile"));
        Assert.Equal((MobileAssociationState.None, (Guid?)null), (ended.State, ended.MobileLineId));
    }

    [Fact]
    public async Task Associate_ANonMobileLine_OrAMobileAlreadyAssociated_OrTwice_IsRefused()
    {
        var first = await FixedLineAsync();
        var second = await FixedLineAsync();
        var mobile = await MobileLineAsync("Taken");

        Assert.NotEmpty(FieldErrors(await ProblemAsync(await _client.PutJsonAsync($"/api/v1/lines/{first.Id}/mobile", new { mobileLineId = second.Id }), HttpStatusCode.BadRequest), "mobileLineId"));
        Assert.NotEmpty(FieldErrors(await ProblemAsync(await _client.PutJsonAsync($"/api/v1/lines/{first.Id}/mobile", new { }), HttpStatusCode.BadRequest), "mobileLineId"));
        await OkAsync<MobileAssociationView>(await _client.PutJsonAsync($"/api/v1/lines/{first.Id}/mobile", new { mobileLineId = mobile.Id }));
        Assert.Equal("mobile.taken", Code(await ProblemAsync(await _client.PutJsonAsync($"/api/v1/lines/{second.Id}/mobile", new { mobileLineId = mobile.Id }), HttpStatusCode.Conflict)));
        var other = await MobileLineAsync("Other");
        Assert.Equal("mobile.already", Code(await ProblemAsync(await _client.PutJsonAsync($"/api/v1/lines/{first.Id}/mobile", new { mobileLineId = other.Id }), HttpStatusCode.Conflict)));
        Assert.Equal("mobile.none", Code(await ProblemAsync(await _client.DeleteAsync($"/api/v1/lines/{second.Id}/mobile"), HttpStatusCode.Conflict)));
    }

    [Fact]
    public async Task DeletingTheMobile_EndsTheAssociation_AndIsListedFirst()
    {
        var fixedLine = await FixedLineAsync();
        var mobile = await MobileLineAsync("Gone");
        await OkAsync<MobileAssociationView>(await _client.PutJsonAsync($"/api/v1/lines/{fixedLine.Id}/mobile", new { mobileLineId = mobile.Id }));

        Assert.Equal([$"the mobile association of {fixedLine.DisplayName}'s line"], (await OkAsync<List<LineReference>>(await _client.GetAsync($"/api/v1/lines/{mobile.Id}/references"))).Select(r => r.Description));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/lines/{mobile.Id}")).StatusCode);

        Assert.Equal(MobileAssociationState.None, (await OkAsync<MobileAssociationView>(await _client.GetAsync($"/api/v1/lines/{fixedLine.Id}/mobile"))).State);
    }

    [Fact]
    public async Task MobileAssociation_OfAnotherCompany_Is404_AndItsMobilesCannotBeUsed()
    {
        var fixedLine = await FixedLineAsync();
        var mobile = await MobileLineAsync("Mine");
        using var beta = api.BetaClient();
        var betaSite = await SiteApiTests.CreateAsync(beta, $"M {Guid.NewGuid():N}"[..10], "75020", "Paris");
        var betaLine = await OkAsync<LineDetail>(await beta.PostJsonAsync("/api/v1/lines", new { siteId = betaSite.Id, kind = "Fixed", firstName = "Beta", lastName = "Fixed", email = $"bf.{Guid.NewGuid():N}@example.com" }), HttpStatusCode.Created);

        await ProblemAsync(await beta.GetAsync($"/api/v1/lines/{fixedLine.Id}/mobile"), HttpStatusCode.NotFound);
        await ProblemAsync(await beta.PutJsonAsync($"/api/v1/lines/{fixedLine.Id}/mobile", new { mobileLineId = mobile.Id }), HttpStatusCode.NotFound);
        await ProblemAsync(await beta.DeleteAsync($"/api/v1/lines/{fixedLine.Id}/mobile"), HttpStatusCode.NotFound);
        Assert.NotEmpty(FieldErrors(await ProblemAsync(await beta.PutJsonAsync($"/api/v1/lines/{betaLine.Id}/mobile", new { mobileLineId = mobile.Id }), HttpStatusCode.BadRequest), "mobileLineId"));
        Assert.DoesNotContain(await OkAsync<List<MobileCandidate>>(await beta.GetAsync("/api/v1/lines/mobile-candidates")), c => c.LineId == mobile.Id);
        await ProblemAsync(await api.OperatorClient().PostAsync($"/api/v1/operator/mobile-associations/{api.Beta.TenantId}/{fixedLine.Id}/confirm", null), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await beta.GetAsync("/api/v1/operator/mobile-associations")).StatusCode);
    }

    [Fact]
    public async Task Sim_OfAMobileLine_IsSetWithItsPinAndPuk_AndABadIccidIsRefusedOnItsField()
    {
        var mobile = await MobileLineAsync("Sim");
        var path = $"/api/v1/lines/{mobile.Id}/sim";

        var sim = await OkAsync<SimView>(await _client.PutJsonAsync(path, new { iccid = "8933 2012 3456 7890 120", pin = "1234", puk = "12345678" }));
        Assert.Equal(("8933201234567890120", "1234", "12345678", mobile.NationalNumber), (sim.Iccid, sim.Pin, sim.Puk, sim.Msisdn));

        var problem = await ProblemAsync(await _client.PutJsonAsync(path, new { iccid = "8933201234567890121", pin = "12", puk = "1" }), HttpStatusCode.BadRequest);
        Assert.All((string[])["iccid", "pin", "puk"], f => Assert.Single(FieldErrors(problem, f)));
        var other = await MobileLineAsync("Other sim");
        Assert.Equal("sim.taken", Code(await ProblemAsync(await _client.PutJsonAsync($"/api/v1/lines/{other.Id}/sim", new { iccid = "8933201234567890120", pin = "1234", puk = "12345678" }), HttpStatusCode.Conflict)));
        Assert.Equal("sim.kind", Code(await ProblemAsync(await _client.PutJsonAsync($"/api/v1/lines/{(await FixedLineAsync()).Id}/sim", new { iccid = "8933201234567890138", pin = "1234", puk = "12345678" }), HttpStatusCode.BadRequest)));

        Assert.Null((await OkAsync<SimView>(await _client.DeleteAsync(path))).Iccid);
        using var beta = api.BetaClient();
        await ProblemAsync(await beta.GetAsync(path), HttpStatusCode.NotFound);
        await ProblemAsync(await beta.PutJsonAsync(path, new { iccid = "8933201234567890120", pin = "1234", puk = "12345678" }), HttpStatusCode.NotFound);
        await ProblemAsync(await beta.DeleteAsync(path), HttpStatusCode.NotFound);
    }

    private async Task<LineDetail> FixedLineAsync()
    {
        var site = (await OkAsync<Page<SiteSummary>>(await _client.GetAsync("/api/v1/sites"))).Items.FirstOrDefault(s => !s.IsMobileLinesSite)
            ?? await SiteApiTests.CreateAsync(_client, "Mobile HQ", "75009", "Paris");
        return await OkAsync<LineDetail>(await _client.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Fix", lastName = $"Ed{Guid.NewGuid():N}"[..8], email = $"fixed.{Guid.NewGuid():N}@example.com" }), HttpStatusCode.Created);
    }

    private async Task<LineDetail> MobileLineAsync(string firstName)
    {
        var site = (await OkAsync<Page<SiteSummary>>(await _client.GetAsync("/api/v1/sites"))).Items.Single(s => s.IsMobileLinesSite);
        return await OkAsync<LineDetail>(await _client.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Mobile", firstName, lastName = "Mobile", email = $"mobile.{Guid.NewGuid():N}@example.com" }), HttpStatusCode.Created);
    }
}
