using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Tenants;

public sealed record PlanCount(int Bought, int Assigned)
{
    public int Available => Math.Max(0, Bought - Assigned);
}

public sealed record TenantSummary(
    Guid Id,
    string CompanyName,
    string? LegalId,
    TenantStatus Status,
    string SipDomain,
    string TimeZone,
    DateTime CreatedAt,
    int LineCount);

public sealed record TenantDetail(
    Guid Id,
    string CompanyName,
    string? LegalId,
    TenantStatus Status,
    string SipDomain,
    string TimeZone,
    string Language,
    DateTime CreatedAt,
    IReadOnlyDictionary<LineKind, PlanCount> Plans,
    IReadOnlyDictionary<LineOption, int> Options,
    IReadOnlyList<string> ManagerEmails);

public sealed record SetSubscriptionRequest(IReadOnlyDictionary<LineKind, int>? Plans, IReadOnlyDictionary<LineOption, int>? Options);

/// <summary>
/// T-OPERATOR, T-SUSPEND: the operator's view of every company. This code crosses tenants on
/// purpose: it lists tenants (not tenant-owned) and, for one tenant, enters that tenant's
/// context explicitly rather than lifting the tenant filter.
/// </summary>
public sealed class OperatorTenants(PortalDbContext db, TenantContext tenantContext)
{
    private static readonly Error NotFound = Error.NotFound("tenant.not-found", "This company does not exist.");

    public async Task<Page<TenantSummary>> ListAsync(string? search, PageRequest page, CancellationToken cancellationToken)
    {
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.CompanyName).ToListAsync(cancellationToken);
        var lineCounts = await db.Lines.IgnoreQueryFilters([TenantModelExtensions.FilterName])
            .GroupBy(l => l.TenantId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var folded = string.IsNullOrWhiteSpace(search) ? null : LineSearch.Fold(search.Trim());
        var matching = tenants
            .Where(t => folded is null || LineSearch.Fold($"{t.CompanyName} {t.LegalId} {t.SipDomain}").Contains(folded, StringComparison.Ordinal))
            .ToList();
        var items = matching.Skip(page.Skip).Take(page.PageSize)
            .Select(t => new TenantSummary(t.Id, t.CompanyName, t.LegalId, t.Status, t.SipDomain, t.TimeZone, t.CreatedAt, lineCounts.GetValueOrDefault(t.Id)))
            .ToList();
        return new Page<TenantSummary>(items, page.Page, page.PageSize, matching.Count);
    }

    public async Task<Result<TenantDetail>> GetAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is null)
        {
            return NotFound;
        }

        using var _ = tenantContext.Enter(tenantId);
        var bought = await db.PlanQuotas.AsNoTracking().ToDictionaryAsync(q => q.Kind, q => q.Quantity, cancellationToken);
        var assigned = await db.Lines.GroupBy(l => l.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var options = await db.OptionQuotas.AsNoTracking().ToDictionaryAsync(q => q.Option, q => q.Quantity, cancellationToken);
        var managers = await db.ManagerAccounts.AsNoTracking().OrderBy(m => m.Email).Select(m => m.Email).ToListAsync(cancellationToken);
        return new TenantDetail(
            tenant.Id,
            tenant.CompanyName,
            tenant.LegalId,
            tenant.Status,
            tenant.SipDomain,
            tenant.TimeZone,
            tenant.Language,
            tenant.CreatedAt,
            Enum.GetValues<LineKind>().ToDictionary(k => k, k => new PlanCount(bought.GetValueOrDefault(k), assigned.GetValueOrDefault(k))),
            Enum.GetValues<LineOption>().ToDictionary(o => o, o => options.GetValueOrDefault(o)),
            managers);
    }

    /// <summary>T-SUSPEND: phones get 403 on REGISTER and calls are refused (through the routing snapshot), logins are refused; data is kept.</summary>
    public Task<Result<TenantDetail>> SuspendAsync(Guid tenantId, CancellationToken cancellationToken) =>
        ChangeStatusAsync(tenantId, t => t.Suspend(), cancellationToken);

    public Task<Result<TenantDetail>> ReactivateAsync(Guid tenantId, CancellationToken cancellationToken) =>
        ChangeStatusAsync(tenantId, t => t.Reactivate(), cancellationToken);

    /// <summary>Sets the plans and options bought; plan types or options not named keep their quantity.</summary>
    public async Task<Result<TenantDetail>> SetSubscriptionAsync(Guid tenantId, SetSubscriptionRequest request, CancellationToken cancellationToken)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
        {
            return NotFound;
        }

        using (tenantContext.Enter(tenantId))
        {
            var errors = new List<FieldError>();
            var plans = await db.PlanQuotas.ToDictionaryAsync(q => q.Kind, cancellationToken);
            var assigned = await db.Lines.GroupBy(l => l.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
            foreach (var (kind, quantity) in request.Plans ?? new Dictionary<LineKind, int>())
            {
                var error = plans.TryGetValue(kind, out var quota)
                    ? quota.ChangeTo(quantity, assigned.GetValueOrDefault(kind))
                    : Add(PlanQuota.Create(tenantId, kind, quantity), db.PlanQuotas);
                if (error is not null)
                {
                    errors.AddRange(error.Fields);
                }
            }

            var options = await db.OptionQuotas.ToDictionaryAsync(q => q.Option, cancellationToken);
            foreach (var (option, quantity) in request.Options ?? new Dictionary<LineOption, int>())
            {
                var error = options.TryGetValue(option, out var quota)
                    ? quota.ChangeTo(quantity)
                    : Add(OptionQuota.Create(tenantId, option, quantity), db.OptionQuotas);
                if (error is not null)
                {
                    errors.AddRange(error.Fields);
                }
            }

            if (errors.Count > 0)
            {
                return Error.Invalid(errors);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return await GetAsync(tenantId, cancellationToken);
    }

    private static Error? Add<T>(Result<T> created, DbSet<T> set)
        where T : class
    {
        if (created.Succeeded)
        {
            set.Add(created.Value!);
        }

        return created.Error;
    }

    private async Task<Result<TenantDetail>> ChangeStatusAsync(Guid tenantId, Action<Tenant> change, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is null)
        {
            return NotFound;
        }

        change(tenant);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(tenantId, cancellationToken);
    }
}
