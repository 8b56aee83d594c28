using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Tenants;

public sealed record CreateTenantRequest(
    string CompanyName,
    string? LegalId,
    string FirstManagerEmail,
    string FirstManagerName,
    IReadOnlyDictionary<LineKind, int> Plans,
    IReadOnlyDictionary<LineOption, int> Options,
    string? TimeZone = null);

/// <summary>
/// Operator use case (T-OPERATOR): a new company with its subscription, its virtual mobile
/// lines site and its first manager, saved together with its first routing snapshot and the
/// manager's invitation e-mail.
/// </summary>
public sealed class CreateTenant(PortalDbContext db, TenantContext tenantContext, AccountMail mail, TimeProvider time, IOptions<PortalOptions> options)
{
    public async Task<Result<Tenant>> ExecuteAsync(CreateTenantRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sipDomain = await FreeSipDomainAsync(request.CompanyName, cancellationToken);
        var created = Tenant.Create(request.CompanyName, request.LegalId, sipDomain, request.TimeZone, now);
        if (!created.Succeeded)
        {
            return created;
        }

        var tenant = created.Value!;
        var managerEmail = request.FirstManagerEmail.Trim().ToLowerInvariant();
        if (await LoginEmails.IsTakenAsync(db, managerEmail, cancellationToken))
        {
            return Error.Conflict("manager.email-taken", "This e-mail address is already used by another account.", nameof(request.FirstManagerEmail));
        }

        using var scope = tenantContext.Enter(tenant.Id);
        db.Tenants.Add(tenant);
        db.Sites.Add(Site.CreateMobileLinesSite(tenant.Id, now));
        foreach (var (kind, quantity) in request.Plans)
        {
            var quota = PlanQuota.Create(tenant.Id, kind, quantity);
            if (!quota.Succeeded)
            {
                return quota.Error!;
            }

            db.PlanQuotas.Add(quota.Value!);
        }

        foreach (var (option, quantity) in request.Options)
        {
            var quota = OptionQuota.Create(tenant.Id, option, quantity);
            if (!quota.Succeeded)
            {
                return quota.Error!;
            }

            db.OptionQuotas.Add(quota.Value!);
        }

        var manager = ManagerAccount.Create(tenant.Id, managerEmail, request.FirstManagerName, now);
        db.ManagerAccounts.Add(manager);
        mail.StageInvitation(manager, tenant.CompanyName);
        await db.SaveChangesAsync(cancellationToken);
        return tenant;
    }

    private async Task<string> FreeSipDomainAsync(string companyName, CancellationToken cancellationToken)
    {
        var label = SipDomainName.LabelFrom(companyName);
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? $"{label}.{options.Value.SipDomainSuffix}" : $"{label}-{n}.{options.Value.SipDomainSuffix}";
            if (!await db.Tenants.AnyAsync(t => t.SipDomain == candidate, cancellationToken))
            {
                return candidate;
            }
        }
    }
}
