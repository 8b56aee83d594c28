using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Features;
using Telephony.Portal.Features.Audit;
using Telephony.ServiceDefaults.Tenancy;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.IntegrationTests.Persistence;

/// <summary>The tenant boundary holds on PostgreSQL as on SQLite.</summary>
public sealed class PostgresTenancyTests : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private PortalStore _store = null!;
    private Guid _tenantA;
    private Guid _tenantB;
    private Line _lineOfB = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync("tenancy");
        _store = await PortalStore.PostgresAsync(_database);
        var (a, siteA) = await SeedTenantAsync(_store, "Alpha", numberBlock: "990");
        var (b, siteB) = await SeedTenantAsync(_store, "Beta", numberBlock: "991");
        (_tenantA, _tenantB) = (a.Id, b.Id);
        await using (var db = _store.Context(_tenantA))
        {
            await AddLineAsync(db, _tenantA, siteA.Id, "+33199000001", Person("Alice", "Alpha", "201"));
        }

        await using (var db = _store.Context(_tenantB))
        {
            _lineOfB = await AddLineAsync(db, _tenantB, siteB.Id, "+33199100001", Person("Bob", "Beta", "201"));
        }
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AuditLog_ACompanyReadsItsOwnRecords_TheOperatorReadsBothTablesTogether()
    {
        await using (var db = _store.Context())
        {
            (await db.Tenants.SingleAsync(t => t.Id == _tenantB)).Suspend();
            await db.SaveChangesAsync();
        }

        await using var asA = _store.Context(_tenantA);
        var ownLog = (await new AuditLog(asA).ForCompanyAsync(new AuditQuery(), PageRequest.Of(1, 100), default)).Value!;
        var byOtherId = (await new AuditLog(asA).ForCompanyAsync(new AuditQuery(ObjectId: _lineOfB.Id.ToString()), PageRequest.Of(1, 100), default)).Value!;
        await using var asOperator = _store.Context();
        var ofB = (await new AuditLog(asOperator).AcrossCompaniesAsync(new AuditQuery(CompanyId: _tenantB), PageRequest.Of(1, 2), default)).Value!;

        Assert.NotEmpty(ownLog.Items);
        Assert.All(ownLog.Items, e => Assert.Equal(_tenantA, e.TenantId));
        Assert.Equal(0, byOtherId.Total);
        Assert.Equal(2, ofB.Items.Count);
        Assert.Contains(ofB.Items, e => e.TenantId is null && e.ObjectType == "Tenant" && e.CompanyName == "Beta");
        Assert.All(ofB.Items, e => Assert.Equal((Guid?)_tenantB, e.CompanyId));
    }

    [Fact]
    public async Task Query_AsTenantA_NeverReturnsTenantBRows()
    {
        await using var db = _store.Context(_tenantA);

        var lines = await db.Lines.ToListAsync();

        Assert.Equal(_tenantA, Assert.Single(lines).TenantId);
        Assert.Null(await db.Lines.SingleOrDefaultAsync(l => l.Id == _lineOfB.Id));
        Assert.All(await db.Sites.ToListAsync(), s => Assert.Equal(_tenantA, s.TenantId));
    }

    [Fact]
    public async Task Delete_TenantBRowFromTenantAContext_IsRefusedAndTheRowStays()
    {
        await using (var db = _store.Context(_tenantA))
        {
            db.Lines.Remove(_lineOfB);
            await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        }

        await using var asB = _store.Context(_tenantB);
        Assert.Single(await asB.Lines.ToListAsync());
    }

    [Fact]
    public async Task BulkUpdate_FromTenantAContext_TouchesOnlyTenantARows()
    {
        await using (var db = _store.Context(_tenantA))
        {
            await db.Lines.ExecuteUpdateAsync(s => s.SetProperty(l => l.FirstName, "Changed"));
        }

        await using var asB = _store.Context(_tenantB);
        Assert.Equal("Bob", (await asB.Lines.SingleAsync()).FirstName);
    }
}
