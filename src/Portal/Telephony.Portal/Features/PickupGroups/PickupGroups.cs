using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Domain.PickupGroups;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.PickupGroups;

public sealed record CreatePickupGroupRequest(string? Name, Guid SiteId, IReadOnlyList<Guid>? MemberIds);

public sealed record ChangePickupGroupRequest(string? Name, IReadOnlyList<Guid>? MemberIds);

public sealed record PickupMember(Guid LineId, string Name, string NationalNumber, string? ShortNumber);

public sealed record PickupGroupView(Guid Id, string Name, Guid SiteId, string SiteName, IReadOnlyList<PickupMember> Members);

/// <summary>A Fixed line of the site, offered as a member, with the group it is in now.</summary>
public sealed record PickupCandidate(Guid LineId, string Name, string NationalNumber, string? ShortNumber, Guid? PickupGroupId, string? PickupGroupName);

/// <summary>
/// S-PICKUP: pickup groups of the company — name, site, members (Fixed lines of that site, each
/// in one group at most); renamed, members changed, deleted. Membership is on the line, so a
/// change is saved with the tenant's new routing snapshot (CallControl answers *98 from it).
/// </summary>
public sealed class PickupGroups(PortalDbContext db, TenantContext tenantContext, TimeProvider time)
{
    private static readonly Error NotFound = Error.NotFound("pickup-group.not-found", "This pickup group does not exist.");

    public async Task<IReadOnlyList<PickupGroupView>> ListAsync(CancellationToken cancellationToken)
    {
        var groups = await db.PickupGroups.AsNoTracking().OrderBy(g => g.Name).ToListAsync(cancellationToken);
        return await ViewsAsync(groups, cancellationToken);
    }

    public async Task<Result<PickupGroupView>> GetAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.PickupGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        return group is null ? NotFound : (await ViewsAsync([group], cancellationToken))[0];
    }

    /// <summary>The Fixed lines of a site, for the members checklist.</summary>
    public async Task<Result<IReadOnlyList<PickupCandidate>>> CandidatesAsync(Guid siteId, CancellationToken cancellationToken)
    {
        if (!await db.Sites.AnyAsync(s => s.Id == siteId && !s.IsMobileLinesSite, cancellationToken))
        {
            return Error.NotFound("site.not-found", "This site does not exist.");
        }

        var groups = await db.PickupGroups.AsNoTracking().Where(g => g.SiteId == siteId).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var lines = await db.Lines.AsNoTracking().Where(l => l.SiteId == siteId && l.Kind == LineKind.Fixed)
            .OrderBy(l => l.LastName).ThenBy(l => l.FirstName).ToListAsync(cancellationToken);
        return Result.Success<IReadOnlyList<PickupCandidate>>(lines.Select(l => new PickupCandidate(
            l.Id, l.DisplayName, PhoneNumber.ToNational(l.PublicNumber), l.ShortNumber, l.PickupGroupId,
            l.PickupGroupId is { } id ? groups.GetValueOrDefault(id) : null)).ToList());
    }

    public async Task<Result<PickupGroupView>> CreateAsync(CreatePickupGroupRequest request, CancellationToken cancellationToken)
    {
        if (!await db.Sites.AnyAsync(s => s.Id == request.SiteId && !s.IsMobileLinesSite, cancellationToken))
        {
            return Error.Validation("pickup-group.site", "Choose a site of the company.", "SiteId");
        }

        var created = PickupGroup.Create(tenantContext.RequireTenantId(), request.SiteId, request.Name, time.GetUtcNow().UtcDateTime);
        if (!created.Succeeded)
        {
            return created.Error!;
        }

        var group = created.Value!;
        db.PickupGroups.Add(group);
        return await SaveAsync(group, request.MemberIds ?? [], cancellationToken);
    }

    public async Task<Result<PickupGroupView>> ChangeAsync(Guid groupId, ChangePickupGroupRequest request, CancellationToken cancellationToken)
    {
        var group = await db.PickupGroups.SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return NotFound;
        }

        if (group.Rename(request.Name) is { } error)
        {
            return error;
        }

        return await SaveAsync(group, request.MemberIds ?? [], cancellationToken);
    }

    /// <summary>The members go back to no group.</summary>
    public async Task<Error?> DeleteAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.PickupGroups.SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return NotFound;
        }

        foreach (var member in await db.Lines.Where(l => l.PickupGroupId == groupId).ToListAsync(cancellationToken))
        {
            member.LeavePickupGroup();
        }

        db.PickupGroups.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Checks the name is free and sets exactly <paramref name="memberIds"/> as members, then saves all or nothing.</summary>
    private async Task<Result<PickupGroupView>> SaveAsync(PickupGroup group, IReadOnlyList<Guid> memberIds, CancellationToken cancellationToken)
    {
        if (await db.PickupGroups.AnyAsync(g => g.Id != group.Id && g.Name == group.Name, cancellationToken))
        {
            return Error.Conflict("pickup-group.duplicate", $"A pickup group is already named \"{group.Name}\".", "Name");
        }

        var ids = memberIds.Distinct().ToList();
        var lines = await db.Lines.Where(l => ids.Contains(l.Id) || l.PickupGroupId == group.Id).ToListAsync(cancellationToken);
        var otherGroupIds = lines.Where(l => l.PickupGroupId is { } g && g != group.Id).Select(l => l.PickupGroupId!.Value).ToList();
        var otherGroups = await db.PickupGroups.Where(g => otherGroupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var errors = new List<FieldError>();
        for (var i = 0; i < ids.Count; i++)
        {
            var field = $"MemberIds[{i}]";
            var line = lines.SingleOrDefault(l => l.Id == ids[i]);
            if (line is null)
            {
                errors.Add(new FieldError(field, "This line does not exist."));
            }
            else if (line.PickupGroupId is { } other && other != group.Id)
            {
                errors.Add(new FieldError(field, $"{line.DisplayName} is already in the pickup group \"{otherGroups.GetValueOrDefault(other)}\"."));
            }
            else if (line.JoinPickupGroup(group, field) is { } error)
            {
                errors.Add(new FieldError(field, error.Message));
            }
        }

        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        foreach (var former in lines.Where(l => l.PickupGroupId == group.Id && !ids.Contains(l.Id)))
        {
            former.LeavePickupGroup();
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await ViewsAsync([group], cancellationToken))[0];
    }

    private async Task<IReadOnlyList<PickupGroupView>> ViewsAsync(IReadOnlyList<PickupGroup> groups, CancellationToken cancellationToken)
    {
        var ids = groups.Select(g => g.Id).ToList();
        var siteIds = groups.Select(g => g.SiteId).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var members = (await db.Lines.AsNoTracking().Where(l => l.PickupGroupId != null && ids.Contains(l.PickupGroupId.Value)).ToListAsync(cancellationToken))
            .OrderBy(l => l.LastName).ThenBy(l => l.FirstName)
            .ToLookup(l => l.PickupGroupId!.Value);
        return groups.Select(g => new PickupGroupView(
            g.Id, g.Name, g.SiteId, sites.GetValueOrDefault(g.SiteId) ?? "",
            members[g.Id].Select(l => new PickupMember(l.Id, l.DisplayName, PhoneNumber.ToNational(l.PublicNumber), l.ShortNumber)).ToList())).ToList();
    }
}
