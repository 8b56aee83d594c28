using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Offer;

public sealed record PlanUsage(LineKind Kind, int Bought, int Assigned)
{
    public int Available => Math.Max(0, Bought - Assigned);
}

public sealed record LineSummary(string PublicNumber, string NationalNumber, string? ShortNumber, string DisplayName, LineKind Kind, string SiteName);

public sealed record OfferSummary(string CompanyName, string SipDomain, IReadOnlyList<PlanUsage> Plans, IReadOnlyList<LineSummary> Lines);

/// <summary>The current tenant's plans (bought/assigned) and lines, for the manager's dashboard (O-OFFER).</summary>
public sealed class GetOfferSummary(PortalDbContext db, TenantContext tenantContext)
{
    public async Task<OfferSummary> ExecuteAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.RequireTenantId();
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        var quotas = await db.PlanQuotas.AsNoTracking().ToDictionaryAsync(q => q.Kind, q => q.Quantity, cancellationToken);
        var lines = await (from l in db.Lines.AsNoTracking()
                           join s in db.Sites.AsNoTracking() on l.SiteId equals s.Id
                           orderby l.PublicNumber
                           select new { Line = l, SiteName = s.Name }).ToListAsync(cancellationToken);

        var plans = Enum.GetValues<LineKind>()
            .Select(kind => new PlanUsage(kind, quotas.GetValueOrDefault(kind), lines.Count(l => l.Line.Kind == kind)))
            .ToList();
        return new OfferSummary(
            tenant.CompanyName,
            tenant.SipDomain,
            plans,
            lines.Select(x => new LineSummary(x.Line.PublicNumber, PhoneNumber.ToNational(x.Line.PublicNumber), x.Line.ShortNumber, x.Line.DisplayName, x.Line.Kind, x.SiteName)).ToList());
    }
}
