using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.TestSupport;

/// <summary>Test data through the domain's own factories, so tests only hold valid rows.</summary>
public static class PortalBuilders
{
    public static readonly DateTime Now = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>A tenant with a Paris site, some plans, and <paramref name="poolSize"/> free numbers in zone 01.</summary>
    public static async Task<(Tenant Tenant, Site Site)> SeedTenantAsync(PortalStore store, string company, int fixedPlans = 5, int poolSize = 5, string numberBlock = "990")
    {
        var tenant = Tenant.Create(company, null, $"{SipDomainName.LabelFrom(company)}.sip.test", null, Now).Value!;
        await using (var db = store.Context(tenant.Id))
        {
            db.Tenants.Add(tenant);
            db.PlanQuotas.Add(PlanQuota.Create(tenant.Id, LineKind.Fixed, fixedPlans).Value!);
            db.Sites.Add(Site.CreateMobileLinesSite(tenant.Id, Now));
            await db.SaveChangesAsync();
        }

        var site = Site.Create(tenant.Id, "Head office", "10 rue de la Paix", "75002", "Paris", Now).Value!;
        await using (var db = store.Context(tenant.Id))
        {
            db.Sites.Add(site);
            for (var i = 0; i < poolSize; i++)
            {
                db.PoolNumbers.Add(PoolNumber.Create($"+331{numberBlock}{i:D5}").Value!);
            }

            await db.SaveChangesAsync();
        }

        return (tenant, site);
    }

    public static LineIdentity Person(string first, string last, string? shortNumber = null) =>
        new(first, last, $"{first}.{last}@example.com".ToLowerInvariant(), ShortNumber: shortNumber);

    public static async Task<Line> AddLineAsync(PortalDbContext db, Guid tenantId, Guid siteId, string number, LineIdentity identity, LineKind kind = LineKind.Fixed)
    {
        var line = Line.Create(tenantId, siteId, kind, number, identity, Now).Value!;
        db.Lines.Add(line);
        await db.SaveChangesAsync();
        return line;
    }
}
