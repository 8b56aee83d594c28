using FluentValidation;
using FluentValidation.Results;
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
    string? TimeZone = null,
    string? Language = null);

public sealed class CreateTenantValidator : AbstractValidator<CreateTenantRequest>
{
    public CreateTenantValidator()
    {
        RuleFor(r => r.CompanyName).Satisfies(Tenant.CheckCompanyName);
        RuleFor(r => r.LegalId).Satisfies(Tenant.CheckLegalId);
        RuleFor(r => r.TimeZone).Satisfies(Tenant.CheckTimeZone);
        RuleFor(r => r.Language).Satisfies(Tenant.CheckLanguage);
        RuleFor(r => r.FirstManagerEmail).Must(e => LineIdentity.CheckEmail(e) is null)
            .WithMessage("A valid e-mail address is required: it is the manager's login.");
        RuleFor(r => r.FirstManagerName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 100)
            .WithMessage("The manager's name is required (at most 100 characters).");
        RuleFor(r => r.Plans).Custom((plans, context) => Report(context, plans?.Select(p => PlanQuota.Check(p.Key, p.Value))));
        RuleFor(r => r.Options).Custom((options, context) => Report(context, options?.Select(o => OptionQuota.Check(o.Key, o.Value))));
    }

    /// <summary>Quota errors keep the domain's field path (<c>Plans.Fixed</c>), one per plan type or option.</summary>
    private static void Report(ValidationContext<CreateTenantRequest> context, IEnumerable<Error?>? errors)
    {
        foreach (var error in errors?.OfType<Error>() ?? [])
        {
            context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
        }
    }
}

/// <summary>
/// Operator use case (T-OPERATOR): a new company with its subscription, its virtual mobile
/// lines site and its first manager, saved together with its first routing snapshot and the
/// manager's invitation e-mail.
/// </summary>
public sealed class CreateTenant(PortalDbContext db, TenantContext tenantContext, AccountMail mail, TimeProvider time, IOptions<PortalOptions> options)
{
    private static readonly CreateTenantValidator Validator = new();

    public async Task<Result<Tenant>> ExecuteAsync(CreateTenantRequest request, CancellationToken cancellationToken)
    {
        if (Validator.Check(request) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var sipDomain = await FreeSipDomainAsync(request.CompanyName, cancellationToken);
        var created = Tenant.Create(request.CompanyName, request.LegalId, sipDomain, request.TimeZone, now, request.Language);
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
        foreach (var (kind, quantity) in request.Plans ?? new Dictionary<LineKind, int>())
        {
            var quota = PlanQuota.Create(tenant.Id, kind, quantity);
            if (!quota.Succeeded)
            {
                return quota.Error!;
            }

            db.PlanQuotas.Add(quota.Value!);
        }

        foreach (var (option, quantity) in request.Options ?? new Dictionary<LineOption, int>())
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
