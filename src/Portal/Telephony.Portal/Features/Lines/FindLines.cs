using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Features.Sites;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Features.Lines;

public sealed record LineQuery(string? Search = null, IReadOnlyList<LineKind>? Kinds = null, Guid? SiteId = null);

public sealed record LineListItem(Guid Id, LineKind Kind, string PublicNumber, string NationalNumber, string? ShortNumber, string DisplayName, Guid SiteId, string SiteName);

public sealed record LineDetail(
    Guid Id,
    LineKind Kind,
    string PublicNumber,
    string NationalNumber,
    string? ShortNumber,
    string? FirstName,
    string? LastName,
    string? Name,
    string? Email,
    string DisplayName,
    Guid SiteId,
    string SiteName,
    string? SipUsername,
    DateTime CreatedAt,
    Guid? PhoneModelId = null,
    string? PhoneModelName = null,
    int ProgrammableKeys = 0,
    string? Mac = null,
    PhoneStatus? Phone = null);

/// <summary>D-RESYNC: when the line's phone last fetched its configuration, and where its devices are registered from.</summary>
public sealed record PhoneStatus(DateTime? LastProvisionedAt, string? ProvisionedFrom, string? RegisteredFrom, string? RegisteredUserAgent);

/// <summary>A line, hunt group or IVR offered by the company number picker (S-CALLERID-LIST).</summary>
public sealed record CompanyNumber(Guid LineId, LineKind Kind, string Name, string Number, string NationalNumber, string? ShortNumber);

/// <summary>O-COMPLETE: a line whose phone model is known but whose MAC is still missing.</summary>
public sealed record IncompleteLine(Guid Id, string NationalNumber, string DisplayName, string PhoneModelName, Guid SiteId, string SiteName);

/// <summary>O-LINES: the current tenant's lines, filtered by site and plan types, searched, paged; one line in full.</summary>
public sealed class FindLines(PortalDbContext db)
{
    public async Task<Page<LineListItem>> ExecuteAsync(LineQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var lines = db.Lines.AsNoTracking();
        if (query.SiteId is { } siteId)
        {
            lines = lines.Where(l => l.SiteId == siteId);
        }

        if (query.Kinds is { Count: > 0 } kinds)
        {
            lines = lines.Where(l => kinds.Contains(l.Kind));
        }

        var terms = LineSearch.Terms(query.Search);
        if (terms.Count > 0)
        {
            lines = lines.Where(Matching(terms));
        }

        var total = await lines.CountAsync(cancellationToken);
        var rows = await (from l in lines
                          join s in db.Sites.AsNoTracking() on l.SiteId equals s.Id
                          orderby l.LastName ?? l.Name, l.FirstName, l.PublicNumber
                          select new { Line = l, SiteName = s.Name })
            .Skip(page.Skip).Take(page.PageSize)
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new LineListItem(r.Line.Id, r.Line.Kind, r.Line.PublicNumber, PhoneNumber.ToNational(r.Line.PublicNumber), r.Line.ShortNumber, r.Line.DisplayName, r.Line.SiteId, r.SiteName)).ToList();
        return new Page<LineListItem>(items, page.Page, page.PageSize, total);
    }

    public async Task<Result<LineDetail>> GetAsync(Guid lineId, CancellationToken cancellationToken)
    {
        var row = await (from l in db.Lines.AsNoTracking()
                         join s in db.Sites.AsNoTracking() on l.SiteId equals s.Id
                         where l.Id == lineId
                         select new { Line = l, SiteName = s.Name }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return LineErrors.NotFound;
        }

        var line = row.Line;
        var model = line.PhoneModelId is { } modelId ? await db.PhoneModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken) : null;
        var status = await db.DeviceStatuses.AsNoTracking().SingleOrDefaultAsync(s => s.LineId == lineId, cancellationToken);
        return new LineDetail(
            line.Id, line.Kind, line.PublicNumber, PhoneNumber.ToNational(line.PublicNumber), line.ShortNumber, line.FirstName, line.LastName, line.Name, line.Email, line.DisplayName, line.SiteId, row.SiteName, line.SipUsername, line.CreatedAt,
            model?.Id, model?.DisplayName, model?.ProgrammableKeys ?? 0, line.Mac is { } mac ? Domain.Devices.MacAddress.Display(mac) : null,
            status is null ? null : new PhoneStatus(status.LastProvisionedAt, status.ProvisionedFrom, status.RegisteredFrom, status.RegisteredUserAgent));
    }

    /// <summary>O-COMPLETE: Fixed lines with a phone model but no MAC yet, by site.</summary>
    public async Task<IReadOnlyList<IncompleteLine>> IncompleteAsync(CancellationToken cancellationToken)
    {
        var rows = await (from l in db.Lines.AsNoTracking()
                          join s in db.Sites.AsNoTracking() on l.SiteId equals s.Id
                          join m in db.PhoneModels.AsNoTracking() on l.PhoneModelId equals m.Id
                          where l.Mac == null
                          orderby s.Name, l.PublicNumber
                          select new { Line = l, SiteName = s.Name, Model = m }).ToListAsync(cancellationToken);
        return rows.Select(r => new IncompleteLine(r.Line.Id, PhoneNumber.ToNational(r.Line.PublicNumber), r.Line.DisplayName, r.Model.DisplayName, r.Line.SiteId, r.SiteName)).ToList();
    }

    /// <summary>
    /// S-CALLERID-LIST, the "select a number of the company" picker: hunt groups, then user
    /// lines, then IVRs, searched and paged. For a supervision key (L-KEYS), Fixed and mobile lines only.
    /// </summary>
    public async Task<Page<CompanyNumber>> CompanyNumbersAsync(string? search, bool supervisable, PageRequest page, CancellationToken cancellationToken)
    {
        var lines = supervisable
            ? db.Lines.AsNoTracking().Where(l => l.Kind == LineKind.Fixed || l.Kind == LineKind.Mobile)
            : db.Lines.AsNoTracking().Where(l => l.Kind != LineKind.Analog);
        var terms = LineSearch.Terms(search);
        if (terms.Count > 0)
        {
            lines = lines.Where(Matching(terms));
        }

        var total = await lines.CountAsync(cancellationToken);
        var rows = await lines
            .OrderBy(l => l.Kind == LineKind.HuntGroup ? 0 : l.Kind == LineKind.Ivr ? 2 : 1)
            .ThenBy(l => l.LastName ?? l.Name).ThenBy(l => l.FirstName).ThenBy(l => l.PublicNumber)
            .Skip(page.Skip).Take(page.PageSize)
            .ToListAsync(cancellationToken);
        var items = rows.Select(l => new CompanyNumber(l.Id, l.Kind, l.DisplayName, l.PublicNumber, PhoneNumber.ToNational(l.PublicNumber), l.ShortNumber)).ToList();
        return new Page<CompanyNumber>(items, page.Page, page.PageSize, total);
    }

    /// <summary>Any alternative matches when all its words are in the line's search text (translated to SQL).</summary>
    private static Expression<Func<Line, bool>> Matching(IReadOnlyList<IReadOnlyList<string>> alternatives)
    {
        var line = Expression.Parameter(typeof(Line), "l");
        var text = Expression.Property(line, nameof(Line.SearchText));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression? any = null;
        foreach (var words in alternatives)
        {
            Expression? all = null;
            foreach (var word in words)
            {
                // A captured value, so EF sends a parameter rather than inlining the text.
                var holder = new SearchWord(word);
                var match = Expression.Call(text, contains, Expression.Property(Expression.Constant(holder), nameof(SearchWord.Value)));
                all = all is null ? match : Expression.AndAlso(all, match);
            }

            any = any is null ? all! : Expression.OrElse(any, all!);
        }

        return Expression.Lambda<Func<Line, bool>>(any!, line);
    }

    private sealed record SearchWord(string Value);
}

internal static class LineErrors
{
    public static readonly Error NotFound = Error.NotFound("line.not-found", "This line does not exist.");

    public static readonly Error NoRecording = Error.NotFound("announcement.no-recording", "This announcement has no recording.");

    public static readonly Error NotConverted = Error.NotFound("announcement.not-converted", "This recording has no converted audio: it is still converting, or it was refused.");
}
