using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.Portal.Infrastructure.Storage;

namespace Telephony.Portal.Features.Lines;

/// <summary>Something of the company that points at a line and is changed when the line is deleted (O-DELETE).</summary>
public sealed record LineReference(string Kind, Guid OwnerId, string Owner, string Description);

/// <summary>
/// O-DELETE: the line goes, with its selfcare account; its plan is free again and its number
/// returns to the pool after the quarantine; what points at it (its pickup and hunt groups,
/// supervision keys on other phones, a fixed line's mobile association) lets go of it, and its recordings are deleted. Saved with the tenant's new routing snapshot.
/// </summary>
public sealed class DeleteLine(PortalDbContext db, TimeProvider time, IOptions<PortalOptions> options, AnnouncementFiles files)
{
    /// <summary>What the deletion will change, for the manager to read before confirming.</summary>
    public async Task<Result<IReadOnlyList<LineReference>>> ReferencesAsync(Guid lineId, CancellationToken cancellationToken)
    {
        var line = await db.Lines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        var pickupGroup = line.PickupGroupId is { } groupId ? await db.PickupGroups.AsNoTracking().SingleAsync(g => g.Id == groupId, cancellationToken) : null;
        IEnumerable<LineReference> group = pickupGroup is null ? [] : [new LineReference("PickupGroup", pickupGroup.Id, pickupGroup.Name, $"the pickup group \"{pickupGroup.Name}\"")];
        var associations = (await db.Lines.AsNoTracking().Where(l => l.MobileLineId == lineId).ToListAsync(cancellationToken))
            .Select(l => new LineReference("MobileAssociation", l.Id, l.DisplayName, $"the mobile association of {l.DisplayName}'s line"));
        var huntGroups = (await (from m in db.HuntGroupMembers.AsNoTracking()
                                 join g in db.Lines.AsNoTracking() on m.HuntGroupId equals g.Id
                                 where m.LineId == lineId
                                 select new { g.Id, g.Name }).ToListAsync(cancellationToken))
            .Select(g => new LineReference("HuntGroup", g.Id, g.Name ?? "", $"the hunt group \"{g.Name}\""));
        var references = group.Concat(huntGroups).Concat(associations).Concat((await SupervisorsAsync(lineId, cancellationToken))
            .SelectMany(supervisor => supervisor.Services.Keys
                .Select((key, i) => (Key: key, Position: i + 1))
                .Where(k => k.Key.LineId == lineId)
                .Select(k => new LineReference("SupervisionKey", supervisor.Id, supervisor.DisplayName, $"supervision key {k.Position} on {supervisor.DisplayName}'s phone"))))
            .ToList();
        return Result.Success<IReadOnlyList<LineReference>>(references);
    }

    public async Task<Error?> ExecuteAsync(Guid lineId, CancellationToken cancellationToken)
    {
        var line = await db.Lines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        foreach (var supervisor in await SupervisorsAsync(lineId, cancellationToken))
        {
            supervisor.StopSupervising(lineId);
        }

        foreach (var associated in await db.Lines.Where(l => l.MobileLineId == lineId).ToListAsync(cancellationToken))
        {
            associated.DissociateMobile();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var number = await db.PoolNumbers.SingleOrDefaultAsync(n => n.Number == line.PublicNumber && n.AssignedTenantId == line.TenantId, cancellationToken);
        number?.Release(now, options.Value.NumberQuarantine);
        db.UserAccounts.RemoveRange(await db.UserAccounts.Where(a => a.LineId == lineId).ToListAsync(cancellationToken));
        // The line's recordings go with it (S-ANN: a user line's announcements are its own).
        var announcementIds = Enum.GetValues<Domain.Lines.Services.AnnouncementUse>()
            .Select(use => line.Services.Announcements.RecordingFor(use)?.AnnouncementId)
            .OfType<Guid>()
            .ToList();
        db.Announcements.RemoveRange(await db.Announcements.Where(a => announcementIds.Contains(a.Id)).ToListAsync(cancellationToken));
        db.Lines.Remove(line);
        await db.SaveChangesAsync(cancellationToken);
        files.DeleteLine(line.TenantId, line.Id);
        return null;
    }

    /// <summary>Lines whose phone has a key supervising <paramref name="lineId"/> (keys live in the services document, so they are read here).</summary>
    private async Task<IReadOnlyList<Line>> SupervisorsAsync(Guid lineId, CancellationToken cancellationToken) =>
        (await db.Lines.Where(l => l.PhoneModelId != null && l.Id != lineId).ToListAsync(cancellationToken))
            .Where(l => l.Services.Keys.Any(k => k.LineId == lineId))
            .ToList();
}
