using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Features.Sites;
using Telephony.Portal.Features.Tenants;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Lines;

public sealed record ActivateLineRequest(
    Guid SiteId,
    LineKind Kind,
    string? FirstName = null,
    string? LastName = null,
    string? Email = null,
    string? Name = null,
    string? ShortNumber = null,
    CreateSiteRequest? NewSite = null,
    Guid? PhoneModelId = null,
    string? Mac = null)
{
    public static ActivateLineRequest For(Guid siteId, LineKind kind, LineIdentity identity) =>
        new(siteId, kind, identity.FirstName, identity.LastName, identity.Email, identity.Name, identity.ShortNumber);

    public LineIdentity Identity => new(FirstName, LastName, Email, Name, ShortNumber);
}

public sealed class ActivateLineValidator : AbstractValidator<ActivateLineRequest>
{
    public ActivateLineValidator()
    {
        RuleFor(r => r.Kind).IsInEnum().WithMessage("Choose a plan type.");
        RuleFor(r => r.NewSite!).SetValidator(new CreateSiteValidator()).When(r => r.NewSite is not null);
        RuleFor(r => r.ShortNumber).Satisfies(LineIdentity.CheckShortNumber);
        When(r => r.Kind.IsUserLine(), () =>
        {
            RuleFor(r => r.FirstName).Satisfies(LineIdentity.CheckFirstName);
            RuleFor(r => r.LastName).Satisfies(LineIdentity.CheckLastName);
            RuleFor(r => r.Email).Satisfies(LineIdentity.CheckEmail);
        }).Otherwise(() => RuleFor(r => r.Name).Satisfies(LineIdentity.CheckName));
    }
}

/// <summary>
/// O-ACTIVATE: a new line of the current tenant on one of its sites (or on a site created with
/// it, <see cref="ActivateLineRequest.NewSite"/>), with the next free public
/// number of the site's zone, within the plans bought. User lines also get their selfcare
/// account and its invitation e-mail.
/// </summary>
public sealed class ActivateLine(PortalDbContext db, TenantContext tenantContext, AccountMail mail, TimeProvider time)
{
    private static readonly ActivateLineValidator Validator = new();

    public async Task<Result<Line>> ExecuteAsync(ActivateLineRequest request, CancellationToken cancellationToken)
    {
        if (Validator.Check(request) is { } invalid)
        {
            return invalid;
        }

        var tenantId = tenantContext.RequireTenantId();
        var now = time.GetUtcNow().UtcDateTime;

        Site? site;
        if (request.NewSite is { } newSite)
        {
            // O-ACTIVATE: the site is created with its first line, in the same save.
            site = Site.Create(tenantId, newSite.Name!, newSite.Street!, newSite.Postcode!, newSite.City!, now).Value!;
            db.Sites.Add(site);
        }
        else
        {
            site = await db.Sites.SingleOrDefaultAsync(s => s.Id == request.SiteId, cancellationToken);
            if (site is null)
            {
                return Error.NotFound("site.not-found", "This site does not exist.");
            }
        }

        if (site.IsMobileLinesSite != (request.Kind == LineKind.Mobile))
        {
            return Error.Validation("line.site-kind", "Mobile lines belong to the mobile lines site, and only there.", nameof(request.SiteId));
        }

        var bought = await db.PlanQuotas.Where(q => q.Kind == request.Kind).Select(q => q.Quantity).SingleOrDefaultAsync(cancellationToken);
        var used = await db.Lines.CountAsync(l => l.Kind == request.Kind, cancellationToken);
        if (used >= bought)
        {
            return Error.Conflict("line.no-plan", $"No {request.Kind.Label()} plan is available: {used} of {bought} are in use.", nameof(request.Kind));
        }

        var identity = request.Identity;
        if (!string.IsNullOrWhiteSpace(identity.ShortNumber) &&
            await ShortNumbers.IsTakenAsync(db, identity.ShortNumber.Trim(), cancellationToken))
        {
            return Error.Conflict("line.short-number-taken", $"Short number {identity.ShortNumber.Trim()} is already used in your company.", nameof(identity.ShortNumber));
        }

        if (request.Kind.IsUserLine() && identity.Email is { } email &&
            await LoginEmails.IsTakenAsync(db, email.Trim().ToLowerInvariant(), cancellationToken))
        {
            return Error.Conflict("line.email-taken", "This e-mail address is already used by another account.", nameof(identity.Email));
        }

        var number = await db.PoolNumbers
            .Where(n => n.Zone == site.Zone && n.AssignedTenantId == null && (n.QuarantinedUntil == null || n.QuarantinedUntil <= now))
            .OrderBy(n => n.Number)
            .FirstOrDefaultAsync(cancellationToken);
        if (number is null)
        {
            return Error.Conflict("line.pool-empty", $"No public number is left in zone {site.Zone.NationalPrefix()}; ask your operator to add numbers.", nameof(request.SiteId));
        }

        var created = Line.Create(tenantId, site.Id, request.Kind, number.Number, identity, now);
        if (!created.Succeeded)
        {
            return created;
        }

        var line = created.Value!;
        if ((request.PhoneModelId is not null || !string.IsNullOrWhiteSpace(request.Mac)) &&
            await LineHardware.ApplyAsync(db, line, new HardwareRequest(request.PhoneModelId, request.Mac), cancellationToken) is { } hardwareError)
        {
            return hardwareError;
        }

        number.AssignTo(tenantId, now);
        db.Lines.Add(line);
        if (line.Email is not null)
        {
            var user = UserAccount.Create(tenantId, line.Id, line.Email, now);
            db.UserAccounts.Add(user);
            mail.StageInvitation(user, await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.CompanyName).SingleAsync(cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        return line;
    }
}
