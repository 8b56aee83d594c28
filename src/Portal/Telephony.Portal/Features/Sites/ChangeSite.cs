using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Features.Sites;

public sealed record RenameSiteRequest(string? Name);

/// <summary>O-SITE: only a site's name can change; a site is deleted only when nothing is attached to it.</summary>
public sealed class ChangeSite(PortalDbContext db)
{
    public async Task<Result<SiteSummary>> RenameAsync(Guid siteId, RenameSiteRequest request, CancellationToken cancellationToken)
    {
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (site is null)
        {
            return SiteErrors.NotFound;
        }

        if (site.Rename(request.Name ?? "") is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(cancellationToken);
        return SiteSummary.Of(site, await db.Lines.CountAsync(l => l.SiteId == siteId, cancellationToken));
    }

    public async Task<Error?> DeleteAsync(Guid siteId, CancellationToken cancellationToken)
    {
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (site is null)
        {
            return SiteErrors.NotFound;
        }

        if (site.IsMobileLinesSite)
        {
            return Error.Conflict("site.mobile-readonly", "The mobile lines site cannot be deleted.");
        }

        var lines = await db.Lines.CountAsync(l => l.SiteId == siteId, cancellationToken);
        if (lines > 0)
        {
            return Error.Conflict("site.in-use", $"This site still has {lines} line(s); delete or move them first.");
        }

        var pickupGroups = await db.PickupGroups.Where(g => g.SiteId == siteId).Select(g => g.Name).ToListAsync(cancellationToken);
        if (pickupGroups.Count > 0)
        {
            return Error.Conflict("site.in-use", $"This site still has the pickup group(s) {string.Join(", ", pickupGroups.Select(n => $"\"{n}\""))}; delete them first.");
        }

        db.Sites.Remove(site);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
