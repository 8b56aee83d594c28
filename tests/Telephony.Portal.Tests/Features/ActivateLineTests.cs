using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.SignIn;
using Telephony.ServiceDefaults.Tenancy;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Features;

public sealed class ActivateLineTests : IAsyncLifetime
{
    private PortalStore _store = null!;
    private Tenant _tenant = null!;
    private Site _site = null!;

    public async Task InitializeAsync()
    {
        _store = await PortalStore.SqliteAsync();
        (_tenant, _site) = await SeedTenantAsync(_store, "Alpha", fixedPlans: 2, poolSize: 3);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Execute_FixedLine_TakesTheFirstFreeNumberOfTheSiteZone()
    {
        var line = await ActivateAsync(_tenant.Id, ActivateLineRequest.For(_site.Id, LineKind.Fixed, Person("Alice", "Martin", "201")));

        Assert.True(line.Succeeded, line.Error?.Message);
        Assert.Equal("+33199000000", line.Value!.PublicNumber);
        await using var db = _store.Context(_tenant.Id);
        var number = await db.PoolNumbers.SingleAsync(n => n.Number == "+33199000000");
        Assert.Equal(_tenant.Id, number.AssignedTenantId);
        Assert.Equal(line.Value.Id, (await db.UserAccounts.SingleAsync()).LineId);
    }

    [Fact]
    public async Task Execute_UserLine_QueuesTheUsersInvitationWithAOneTimeLink()
    {
        var line = (await ActivateAsync(_tenant.Id, ActivateLineRequest.For(_site.Id, LineKind.Fixed, Person("Alice", "Martin")))).Value!;

        await using var db = _store.Context(_tenant.Id);
        var mail = await db.OutgoingMails.SingleAsync();
        Assert.Equal((line.Email, _tenant.Id), (mail.To, mail.TenantId));
        Assert.Contains("/set-password?token=", mail.TextBody, StringComparison.Ordinal);
        var token = await db.AccountTokens.SingleAsync();
        Assert.Equal((Telephony.Portal.Domain.Accounts.AccountTokenPurpose.Invitation, (await db.UserAccounts.SingleAsync()).Id), (token.Purpose, token.AccountId));
        Assert.DoesNotContain(token.TokenHash, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_BeyondThePlansBought_IsRefusedClearly()
    {
        await ActivateAsync(_tenant.Id, ActivateLineRequest.For(_site.Id, LineKind.Fixed, Person("A", "One")));
        await ActivateAsync(_tenant.Id, ActivateLineRequest.For(_site.Id, LineKind.Fixed, Person("B", "Two")));

        var third = await ActivateAsync(_tenant.Id, ActivateLineRequest.For(_site.Id, LineKind.Fixed, Person("C", "Three")));

        Assert.Equal("line.no-plan", third.Error!.Code);
        Assert.Equal(ErrorKind.Conflict, third.Error.Kind);
    }

    [Fact]
    public async Task Execute_PoolOfTheZoneEmpty_IsRefusedClearly()
    {
        Site lyon;
        await using (var db = _store.Context(_tenant.Id))
        {
            lyon = Site.Create(_tenant.Id, "Lyon", "1 place Bellecour", "69002", "Lyon", Now).Value!;
            db.Sites.Add(lyon);
            await db.SaveChangesAsync();
        }

        var result = await ActivateAsync(_tenant.Id, ActivateLineRequest.For(lyon.Id, LineKind.Fixed, Person("Alice", "Martin")));

        Assert.Equal("line.pool-empty", result.Error!.Code);
        Assert.Contains("04", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ShortNumberTaken_IsAConflictOnTheField()
    {
        await ActivateAsync(_tenant.Id, ActivateLineRequest.For(_site.Id, LineKind.Fixed, Person("Alice", "Martin", "201")));

        var second = await ActivateAsync(_tenant.Id, ActivateLineRequest.For(_site.Id, LineKind.Fixed, Person("Bruno", "Petit", "201")));

        Assert.Equal(("line.short-number-taken", "ShortNumber"), (second.Error!.Code, second.Error.Field));
    }

    [Fact]
    public async Task Execute_EmailUsedInAnotherTenant_IsAConflict()
    {
        var (other, otherSite) = await SeedTenantAsync(_store, "Beta", numberBlock: "991");
        await ActivateAsync(other.Id, ActivateLineRequest.For(otherSite.Id, LineKind.Fixed, Person("Alice", "Martin")));

        var result = await ActivateAsync(_tenant.Id, ActivateLineRequest.For(_site.Id, LineKind.Fixed, Person("Alice", "Martin")));

        Assert.Equal("line.email-taken", result.Error!.Code);
    }

    [Fact]
    public async Task Execute_SiteOfAnotherTenant_IsNotFound()
    {
        var (other, otherSite) = await SeedTenantAsync(_store, "Beta", numberBlock: "991");

        var result = await ActivateAsync(_tenant.Id, ActivateLineRequest.For(otherSite.Id, LineKind.Fixed, Person("Alice", "Martin")));

        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
        await using var asOther = _store.Context(other.Id);
        Assert.Empty(await asOther.Lines.ToListAsync());
    }

    [Fact]
    public async Task Execute_MobileLineOnAGeographicSite_IsRefused()
    {
        var result = await ActivateAsync(_tenant.Id, ActivateLineRequest.For(_site.Id, LineKind.Mobile, Person("Alice", "Martin")));

        Assert.Equal("line.site-kind", result.Error!.Code);
    }

    private async Task<Result<Line>> ActivateAsync(Guid tenantId, ActivateLineRequest request)
    {
        var tenant = new TenantContext();
        using var scope = tenant.Enter(tenantId);
        await using var db = _store.Context(tenant);
        var mail = new AccountMail(db, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new PortalOptions()));
        return await new ActivateLine(db, tenant, mail, TimeProvider.System).ExecuteAsync(request, CancellationToken.None);
    }
}
