using FluentValidation;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Sites;

public sealed record CreateSiteRequest(string? Name, string? Street, string? Postcode, string? City);

public sealed class CreateSiteValidator : AbstractValidator<CreateSiteRequest>
{
    public CreateSiteValidator()
    {
        RuleFor(r => r.Name).Satisfies(Site.CheckName);
        RuleFor(r => r.Street).Satisfies(Site.CheckStreet);
        RuleFor(r => r.Postcode).Satisfies(p => NumberZones.FromPostcode(p).Error);
        RuleFor(r => r.City).Satisfies(Site.CheckCity);
    }
}

/// <summary>O-SITE: a new site of the current tenant; its postcode fixes the numbering zone of its lines.</summary>
public sealed class CreateSite(PortalDbContext db, TenantContext tenantContext, TimeProvider time)
{
    private static readonly CreateSiteValidator Validator = new();

    public async Task<Result<SiteSummary>> ExecuteAsync(CreateSiteRequest request, CancellationToken cancellationToken)
    {
        if (Validator.Check(request) is { } invalid)
        {
            return invalid;
        }

        var created = Site.Create(tenantContext.RequireTenantId(), request.Name!, request.Street!, request.Postcode!, request.City!, time.GetUtcNow().UtcDateTime);
        if (!created.Succeeded)
        {
            return created.Error!;
        }

        db.Sites.Add(created.Value!);
        await db.SaveChangesAsync(cancellationToken);
        return SiteSummary.Of(created.Value!, lineCount: 0);
    }
}
