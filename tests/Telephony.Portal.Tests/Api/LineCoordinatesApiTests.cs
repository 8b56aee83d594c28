using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

[Collection(PortalApiCollection.Name)]
public sealed class LineCoordinatesApiTests(PortalApiFixture api)
{
    [Fact]
    public async Task SameEmail_ChangesNamesAndShortNumber_AndKeepsTheUsersAccount()
    {
        var (client, line) = await LineAsync();
        var accountBefore = await AccountIdAsync(line.Id);

        var changed = await OkAsync<LineCoordinatesChanged>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/coordinates", new { firstName = "Renée", lastName = "Nouveau", email = line.Email!.ToUpperInvariant(), shortNumber = "4321" }));

        Assert.False(changed.EmailChanged);
        Assert.Equal(("Renée Nouveau", "4321"), (changed.Line.DisplayName, changed.Line.ShortNumber));
        Assert.Equal(accountBefore, await AccountIdAsync(line.Id));
        Assert.Contains((await OkAsync<Telephony.Portal.Features.Page<LineListItem>>(await client.GetAsync("/api/v1/lines?search=renee"))).Items, l => l.Id == line.Id);
    }

    [Fact]
    public async Task NewEmail_ClosesThePreviousAccount_AndInvitesTheNewAddress()
    {
        var (client, line) = await LineAsync();
        var previous = await AccountIdAsync(line.Id);
        var newEmail = $"successor.{Guid.NewGuid():N}@example.com";

        var changed = await OkAsync<LineCoordinatesChanged>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/coordinates", new { firstName = "Suc", lastName = "Cessor", email = newEmail }));

        Assert.True(changed.EmailChanged);
        Assert.Equal((newEmail, (string?)null), (changed.Line.Email, changed.Line.ShortNumber));
        var (account, email, tokensOfPrevious, invitations) = await api.Host.InScopeAsync(null, async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var user = await db.UserAccounts.IgnoreQueryFilters([TenantModelExtensions.FilterName]).SingleAsync(a => a.LineId == line.Id);
            return (user.Id, user.Email,
                await db.AccountTokens.CountAsync(t => t.AccountId == previous),
                await db.OutgoingMails.IgnoreQueryFilters([TenantModelExtensions.FilterName]).CountAsync(m => m.To == newEmail));
        });
        Assert.NotEqual(previous, account);
        Assert.Equal((newEmail, 0, 1), (email, tokensOfPrevious, invitations));
    }

    [Fact]
    public async Task TakenEmailOrShortNumber_OrInvalidFields_AreRefused_AndNothingChanges()
    {
        var (client, line) = await LineAsync();
        var (_, other) = await LineAsync(client, "5678");

        Assert.Equal(["This e-mail address is already used by another account."], FieldErrors(await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/coordinates", new { firstName = "A", lastName = "B", email = other.Email }), HttpStatusCode.Conflict), "email"));
        Assert.Equal(["Short number 5678 is already used in your company."], FieldErrors(await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/coordinates", new { firstName = "A", lastName = "B", email = line.Email, shortNumber = "5678" }), HttpStatusCode.Conflict), "shortNumber"));
        var invalid = await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/coordinates", new { firstName = "", lastName = "", email = "not-an-email", shortNumber = "1" }), HttpStatusCode.BadRequest);
        Assert.All((string[])["firstName", "lastName", "email", "shortNumber"], f => Assert.Single(FieldErrors(invalid, f)));

        var unchanged = await OkAsync<LineDetail>(await client.GetAsync($"/api/v1/lines/{line.Id}"));
        Assert.Equal((line.DisplayName, line.Email, line.ShortNumber), (unchanged.DisplayName, unchanged.Email, unchanged.ShortNumber));
    }

    [Fact]
    public async Task Coordinates_OfAnotherCompanysLine_Are404()
    {
        var (beta, betaLine) = await LineAsync(api.BetaClient());

        await ProblemAsync(await api.AlphaClient().PutJsonAsync($"/api/v1/lines/{betaLine.Id}/coordinates", new { firstName = "X", lastName = "Y", email = $"x.{Guid.NewGuid():N}@example.com" }), HttpStatusCode.NotFound);
        Assert.Equal(betaLine.DisplayName, (await OkAsync<LineDetail>(await beta.GetAsync($"/api/v1/lines/{betaLine.Id}"))).DisplayName);
    }

    private Task<Guid> AccountIdAsync(Guid lineId) =>
        api.Host.InScopeAsync(null, async services =>
            await services.GetRequiredService<PortalDbContext>().UserAccounts.IgnoreQueryFilters([TenantModelExtensions.FilterName]).Where(a => a.LineId == lineId).Select(a => a.Id).SingleAsync());

    private async Task<(HttpClient Client, LineDetail Line)> LineAsync(HttpClient? client = null, string? shortNumber = null)
    {
        client ??= api.AlphaClient();
        var site = await SiteApiTests.CreateAsync(client, $"Coord {Guid.NewGuid():N}"[..12], "75020", "Paris");
        var line = await OkAsync<LineDetail>(await client.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Co", lastName = "Ord", email = $"coord.{Guid.NewGuid():N}@example.com", shortNumber }), HttpStatusCode.Created);
        return (client, line);
    }
}
