using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Sites;
using Telephony.ServiceDefaults.Tenancy;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Infrastructure;

/// <summary>Tenant A's context never reads or writes tenant B's rows (SQLite; the integration tests repeat this on PostgreSQL).</summary>
public sealed class TenantIsolationTests : IAsyncLifetime
{
    private PortalStore _store = null!;
    private Guid _tenantA;
    private Guid _tenantB;
    private Line _lineOfB = null!;
    private Site _siteOfB = null!;

    public async Task InitializeAsync()
    {
        _store = await PortalStore.SqliteAsync();
        var (a, siteA) = await SeedTenantAsync(_store, "Alpha", numberBlock: "990");
        var (b, siteB) = await SeedTenantAsync(_store, "Beta", numberBlock: "991");
        (_tenantA, _tenantB, _siteOfB) = (a.Id, b.Id, siteB);
        await using (var db = _store.Context(_tenantA))
        {
            await AddLineAsync(db, _tenantA, siteA.Id, "+33199000001", Person("Alice", "Alpha", "201"));
        }

        await using (var db = _store.Context(_tenantB))
        {
            _lineOfB = await AddLineAsync(db, _tenantB, siteB.Id, "+33199100001", Person("Bob", "Beta", "201"));
        }
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Query_AsTenantA_SeesOnlyTenantARows()
    {
        await using var db = _store.Context(_tenantA);

        Assert.All(await db.Lines.ToListAsync(), l => Assert.Equal(_tenantA, l.TenantId));
        Assert.All(await db.Sites.ToListAsync(), s => Assert.Equal(_tenantA, s.TenantId));
        Assert.All(await db.PlanQuotas.ToListAsync(), q => Assert.Equal(_tenantA, q.TenantId));
        Assert.Single(await db.Lines.ToListAsync());
    }

    [Fact]
    public async Task FindById_OtherTenantsLine_ReturnsNothing()
    {
        await using var db = _store.Context(_tenantA);

        Assert.Null(await db.Lines.SingleOrDefaultAsync(l => l.Id == _lineOfB.Id));
        Assert.Null(await db.Lines.FindAsync(_lineOfB.Id));
    }

    [Fact]
    public async Task Query_WithNoTenant_ReturnsNoTenantRows()
    {
        await using var db = _store.Context();

        Assert.Empty(await db.Lines.ToListAsync());
        Assert.Empty(await db.Sites.ToListAsync());
    }

    [Fact]
    public async Task Add_RowOfOtherTenant_IsRefusedAndNothingIsSaved()
    {
        await using (var db = _store.Context(_tenantA))
        {
            db.Lines.Add(Line.Create(_tenantB, _siteOfB.Id, LineKind.Fixed, "+33199100002", Person("Eve", "Intruder"), Now).Value!);

            await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        }

        await using var asB = _store.Context(_tenantB);
        Assert.Single(await asB.Lines.ToListAsync());
    }

    [Fact]
    public async Task Update_RowOfOtherTenantAttached_IsRefused()
    {
        await using var db = _store.Context(_tenantA);
        db.Sites.Attach(_siteOfB);
        _siteOfB.Rename("Hijacked");

        await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Delete_RowOfOtherTenantAttached_IsRefused()
    {
        await using var db = _store.Context(_tenantA);
        db.Lines.Remove(_lineOfB);

        await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Write_WithNoTenant_IsRefused()
    {
        await using var db = _store.Context();
        db.Sites.Add(Site.Create(_tenantA, "Lyon", "1 place Bellecour", "69002", "Lyon", Now).Value!);

        await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Add_WithoutTenantId_IsStampedWithTheCurrentTenant()
    {
        await using (var db = _store.Context(_tenantA))
        {
            db.Sites.Add(Site.Create(Guid.Empty, "Lyon", "1 place Bellecour", "69002", "Lyon", Now).Value!);
            await db.SaveChangesAsync();
        }

        await using var check = _store.Context(_tenantA);
        Assert.Equal(_tenantA, (await check.Sites.SingleAsync(s => s.Name == "Lyon")).TenantId);
    }

    [Fact]
    public async Task ChangeTenantId_OfOwnRow_IsRefused()
    {
        await using var db = _store.Context(_tenantA);
        var line = await db.Lines.SingleAsync();
        db.Entry(line).Property(nameof(Line.TenantId)).CurrentValue = _tenantB;

        await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
    }
}
