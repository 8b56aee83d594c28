using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.HuntGroups;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.HuntGroups;

public sealed record HuntGroupMembersRequest(IReadOnlyList<Guid>? MemberIds);

public sealed record MembersOrderRequest(IReadOnlyList<Guid>? Order);

public sealed record PresenceRequest(bool Present);

public sealed record HuntGroupMemberView(Guid LineId, int Position, string Name, string NationalNumber, string? ShortNumber, bool Present);

/// <summary>L-GROUPS: a hunt group a line is in, with the line's presence in it.</summary>
public sealed record LineHuntGroupView(Guid HuntGroupId, string Name, string NationalNumber, bool Present);

/// <summary>
/// H-MEMBERS and L-GROUPS: who is in a hunt group, in which order, and present or not. The
/// manager sets the members (Fixed and mobile lines of any site; new ones go last), orders
/// them and toggles presence; a user toggles only their own presence. Members travel in the
/// routing snapshot, in order.
/// </summary>
public sealed class HuntGroupMembers(PortalDbContext db, TenantContext tenantContext, Actor actor, TimeProvider time)
{
    private static readonly Error GroupNotFound = Error.NotFound("hunt-group.not-found", "This hunt group does not exist.");

    public async Task<Result<IReadOnlyList<HuntGroupMemberView>>> ListAsync(Guid huntGroupId, CancellationToken cancellationToken)
    {
        if (!await IsManagedGroupAsync(huntGroupId, cancellationToken))
        {
            return GroupNotFound;
        }

        return Result.Success(await ViewAsync(huntGroupId, cancellationToken));
    }

    /// <summary>The members become exactly <see cref="HuntGroupMembersRequest.MemberIds"/>: those kept keep their order, new ones go last in the order given.</summary>
    public async Task<Result<IReadOnlyList<HuntGroupMemberView>>> SetMembersAsync(Guid huntGroupId, HuntGroupMembersRequest request, CancellationToken cancellationToken)
    {
        if (!await IsManagedGroupAsync(huntGroupId, cancellationToken))
        {
            return GroupNotFound;
        }

        var ids = (request.MemberIds ?? []).Distinct().ToList();
        var lines = await db.Lines.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        var errors = new List<FieldError>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!lines.TryGetValue(ids[i], out var line))
            {
                errors.Add(new FieldError($"MemberIds[{i}]", "This line does not exist."));
            }
            else if (line.Kind is not (LineKind.Fixed or LineKind.Mobile))
            {
                errors.Add(new FieldError($"MemberIds[{i}]", $"{line.DisplayName} cannot answer group calls: members are Fixed and mobile lines."));
            }
        }

        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        var members = await db.HuntGroupMembers.Where(m => m.HuntGroupId == huntGroupId).OrderBy(m => m.Position).ToListAsync(cancellationToken);
        db.HuntGroupMembers.RemoveRange(members.Where(m => !ids.Contains(m.LineId)));
        var kept = members.Where(m => ids.Contains(m.LineId)).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var tenantId = tenantContext.RequireTenantId();
        kept.AddRange(ids.Where(id => kept.All(m => m.LineId != id)).Select(id => HuntGroupMember.Create(tenantId, huntGroupId, id, 0, now)));
        Renumber(kept);
        db.HuntGroupMembers.AddRange(kept.Where(m => db.Entry(m).State == EntityState.Detached));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(await ViewAsync(huntGroupId, cancellationToken));
    }

    /// <summary>Drag and drop (or move up/down): every member once, in the new order.</summary>
    public async Task<Result<IReadOnlyList<HuntGroupMemberView>>> ReorderAsync(Guid huntGroupId, MembersOrderRequest request, CancellationToken cancellationToken)
    {
        if (!await IsManagedGroupAsync(huntGroupId, cancellationToken))
        {
            return GroupNotFound;
        }

        var members = await db.HuntGroupMembers.Where(m => m.HuntGroupId == huntGroupId).ToListAsync(cancellationToken);
        var order = request.Order ?? [];
        if (order.Count != members.Count || order.Distinct().Count() != order.Count || order.Any(id => members.All(m => m.LineId != id)))
        {
            return Error.Validation("hunt-group.order", "The new order must list every member once; reload the page and try again.", "Order");
        }

        Renumber(order.Select(id => members.Single(m => m.LineId == id)).ToList());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(await ViewAsync(huntGroupId, cancellationToken));
    }

    /// <summary>Move up (−1) or down (+1): the no-script ordering of the members list.</summary>
    public async Task<Result<IReadOnlyList<HuntGroupMemberView>>> MoveAsync(Guid huntGroupId, Guid lineId, int offset, CancellationToken cancellationToken)
    {
        var order = await db.HuntGroupMembers.AsNoTracking().Where(m => m.HuntGroupId == huntGroupId).OrderBy(m => m.Position).Select(m => m.LineId).ToListAsync(cancellationToken);
        var from = order.IndexOf(lineId);
        if (from < 0)
        {
            return Error.NotFound("hunt-group.not-member", "This line is not a member of this hunt group.");
        }

        var to = Math.Clamp(from + Math.Sign(offset), 0, order.Count - 1);
        (order[from], order[to]) = (order[to], order[from]);
        return await ReorderAsync(huntGroupId, new MembersOrderRequest(order), cancellationToken);
    }

    /// <summary>L-GROUPS (U): the manager, or the member's own user, says whether the line takes this group's calls.</summary>
    public async Task<Result<IReadOnlyList<LineHuntGroupView>>> SetPresenceAsync(Guid huntGroupId, Guid lineId, PresenceRequest request, CancellationToken cancellationToken)
    {
        if (!actor.MaySee(lineId))
        {
            return LineErrors.NotFound;
        }

        var member = await db.HuntGroupMembers.SingleOrDefaultAsync(m => m.HuntGroupId == huntGroupId && m.LineId == lineId, cancellationToken);
        if (member is null)
        {
            return Error.NotFound("hunt-group.not-member", "This line is not a member of this hunt group.");
        }

        member.SetPresence(request.Present);
        await db.SaveChangesAsync(cancellationToken);
        return await GroupsOfLineAsync(lineId, cancellationToken);
    }

    /// <summary>L-GROUPS: the hunt groups a line is in, with its presence in each.</summary>
    public async Task<Result<IReadOnlyList<LineHuntGroupView>>> GroupsOfLineAsync(Guid lineId, CancellationToken cancellationToken)
    {
        if (!actor.MaySee(lineId) || !await db.Lines.AnyAsync(l => l.Id == lineId, cancellationToken))
        {
            return LineErrors.NotFound;
        }

        var rows = await (from m in db.HuntGroupMembers.AsNoTracking()
                          join g in db.Lines.AsNoTracking() on m.HuntGroupId equals g.Id
                          where m.LineId == lineId
                          orderby g.Name
                          select new { g.Id, g.Name, g.PublicNumber, m.Present }).ToListAsync(cancellationToken);
        return Result.Success<IReadOnlyList<LineHuntGroupView>>(rows.Select(r => new LineHuntGroupView(r.Id, r.Name ?? "", PhoneNumber.ToNational(r.PublicNumber), r.Present)).ToList());
    }

    /// <summary>A hunt group of the company, and a manager acting: users only toggle their own presence.</summary>
    private async Task<bool> IsManagedGroupAsync(Guid huntGroupId, CancellationToken cancellationToken) =>
        !actor.IsUser && await db.Lines.AnyAsync(l => l.Id == huntGroupId && l.Kind == LineKind.HuntGroup, cancellationToken);

    private static void Renumber(List<HuntGroupMember> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].MoveTo(i + 1);
        }
    }

    private async Task<IReadOnlyList<HuntGroupMemberView>> ViewAsync(Guid huntGroupId, CancellationToken cancellationToken)
    {
        var rows = await (from m in db.HuntGroupMembers.AsNoTracking()
                          join l in db.Lines.AsNoTracking() on m.LineId equals l.Id
                          where m.HuntGroupId == huntGroupId
                          orderby m.Position
                          select new { Member = m, Line = l }).ToListAsync(cancellationToken);
        return rows.Select(r => new HuntGroupMemberView(r.Line.Id, r.Member.Position, r.Line.DisplayName, PhoneNumber.ToNational(r.Line.PublicNumber), r.Line.ShortNumber, r.Member.Present)).ToList();
    }
}
