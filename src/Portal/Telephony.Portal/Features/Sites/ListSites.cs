using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Features.Sites;

public sealed record SiteSummary(Guid Id, string Name, string? Street, string? Postcode, string? City, NumberZone Zone, bool IsMobileLinesSite, int LineCount)
{
    public static SiteSummary Of(Site site, int lineCount) =>
        new(site.Id, site.Name, site.Street, site.Postcode, site.City, site.Zone, site.IsMobileLinesSite, lineCount);
}

/// <summary>O-LINES: the current tenant's sites with their line counts, searchable by name or address; one site.</summary>
public sealed class ListSites(PortalDbContext db)
{
    public async Task<Page<SiteSummary>> ExecuteAsync(string? search, PageRequest page, CancellationToken cancellationToken)
    {
        var sites = await db.Sites.AsNoTracking().ToListAsync(cancellationToken);
        var counts = await LineCountsAsync(cancellationToken);
        var terms = SearchTerms(search);
        var matching = sites
            .Where(s => terms.All(t => Normalise($"{s.Name} {s.Street} {s.Postcode} {s.City}").Contains(t, StringComparison.Ordinal)))
            .OrderBy(s => s.IsMobileLinesSite)
            .ThenBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var items = matching.Skip(page.Skip).Take(page.PageSize).Select(s => SiteSummary.Of(s, counts.GetValueOrDefault(s.Id))).ToList();
        return new Page<SiteSummary>(items, page.Page, page.PageSize, matching.Count);
    }

    public async Task<Result<SiteSummary>> GetAsync(Guid siteId, CancellationToken cancellationToken)
    {
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (site is null)
        {
            return SiteErrors.NotFound;
        }

        return SiteSummary.Of(site, await db.Lines.CountAsync(l => l.SiteId == siteId, cancellationToken));
    }

    private async Task<Dictionary<Guid, int>> LineCountsAsync(CancellationToken cancellationToken) =>
        await db.Lines.GroupBy(l => l.SiteId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    private static string[] SearchTerms(string? search) =>
        string.IsNullOrWhiteSpace(search) ? [] : Normalise(search).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Normalise(string value) => Text.RemoveDiacritics(value).ToLowerInvariant();
}

internal static class SiteErrors
{
    public static readonly Error NotFound = Error.NotFound("site.not-found", "This site does not exist.");
}
