using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Lines;

public sealed record MobileAssociationRequest(Guid? MobileLineId);

/// <summary>A line's association with a mobile (L-MOBILE), as the line page shows it.</summary>
public sealed record MobileAssociationView(Guid LineId, MobileAssociationState State, Guid? MobileLineId, string? MobileName, string? MobileNumber, DateTime? RequestedAt);

/// <summary>A mobile line of the company, offered for association, with the line it is associated with now.</summary>
public sealed record MobileCandidate(Guid LineId, string Name, string NationalNumber, Guid? AssociatedWithLineId);

/// <summary>An association the mobile network has still to apply (operator side, across companies).</summary>
public sealed record PendingMobileAssociation(Guid TenantId, string CompanyName, Guid LineId, string LineNumber, Guid MobileLineId, string MobileNumber, DateTime RequestedAt);

/// <summary>
/// L-MOBILE: a manager associates a Fixed or Fixed-for-mobile line with one of the company's
/// mobile lines; the mobile network applies it asynchronously ("may take up to an hour"), so
/// the association stays pending until the network's integration confirms it through the
/// operator API. Only an active association is in the routing snapshot.
/// </summary>
public sealed class MobileAssociations(PortalDbContext db, TenantContext tenantContext, TimeProvider time)
{
    public async Task<Result<MobileAssociationView>> GetAsync(Guid lineId, CancellationToken cancellationToken)
    {
        var line = await db.Lines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        return line is null ? LineErrors.NotFound : await ViewAsync(line, cancellationToken);
    }

    public async Task<IReadOnlyList<MobileCandidate>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var mobiles = await db.Lines.AsNoTracking().Where(l => l.Kind == LineKind.Mobile).OrderBy(l => l.LastName).ThenBy(l => l.FirstName).ToListAsync(cancellationToken);
        var associated = await db.Lines.AsNoTracking().Where(l => l.MobileLineId != null).ToDictionaryAsync(l => l.MobileLineId!.Value, l => l.Id, cancellationToken);
        return mobiles.Select(m => new MobileCandidate(m.Id, m.DisplayName, PhoneNumber.ToNational(m.PublicNumber), associated.TryGetValue(m.Id, out var with) ? with : null)).ToList();
    }

    public async Task<Result<MobileAssociationView>> AssociateAsync(Guid lineId, MobileAssociationRequest request, CancellationToken cancellationToken)
    {
        var line = await db.Lines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        var mobile = request.MobileLineId is { } mobileId ? await db.Lines.SingleOrDefaultAsync(l => l.Id == mobileId, cancellationToken) : null;
        if (mobile is null)
        {
            return Error.Validation("mobile.not-mobile", "Choose a mobile line of the company.", nameof(request.MobileLineId));
        }

        if (await db.Lines.AnyAsync(l => l.MobileLineId == mobile.Id && l.Id != line.Id, cancellationToken))
        {
            return Error.Conflict("mobile.taken", $"{mobile.DisplayName}'s mobile is already associated with another line.", nameof(request.MobileLineId));
        }

        if (line.AssociateMobile(mobile, time.GetUtcNow().UtcDateTime) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(line, cancellationToken);
    }

    /// <summary>Ends an active association or cancels a pending one.</summary>
    public async Task<Result<MobileAssociationView>> DissociateAsync(Guid lineId, CancellationToken cancellationToken)
    {
        var line = await db.Lines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        if (line.DissociateMobile() is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(line, cancellationToken);
    }

    /// <summary>Operator: the associations the mobile network has still to apply, oldest first, in every company.</summary>
    public async Task<IReadOnlyList<PendingMobileAssociation>> PendingAcrossCompaniesAsync(CancellationToken cancellationToken)
    {
        string[] filter = [TenantModelExtensions.FilterName];
        var rows = await (from l in db.Lines.IgnoreQueryFilters(filter).AsNoTracking()
                          join m in db.Lines.IgnoreQueryFilters(filter).AsNoTracking() on l.MobileLineId equals m.Id
                          join t in db.Tenants.AsNoTracking() on l.TenantId equals t.Id
                          where l.MobileAssociation == MobileAssociationState.Pending
                          orderby l.MobileAssociationRequestedAt
                          select new PendingMobileAssociation(t.Id, t.CompanyName, l.Id, l.PublicNumber, m.Id, m.PublicNumber, l.MobileAssociationRequestedAt!.Value))
            .ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>Operator: the mobile network applied the association of the named company's line.</summary>
    public async Task<Result<MobileAssociationView>> ConfirmAsync(Guid tenantId, Guid lineId, CancellationToken cancellationToken)
    {
        using var _ = tenantContext.Enter(tenantId);
        var line = await db.Lines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        if (line.ConfirmMobileAssociation() is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(line, cancellationToken);
    }

    private async Task<MobileAssociationView> ViewAsync(Line line, CancellationToken cancellationToken)
    {
        var mobile = line.MobileLineId is { } id ? await db.Lines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken) : null;
        return new MobileAssociationView(line.Id, line.MobileAssociation, mobile?.Id, mobile?.DisplayName, mobile is null ? null : PhoneNumber.ToNational(mobile.PublicNumber), line.MobileAssociationRequestedAt);
    }
}
