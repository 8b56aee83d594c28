using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Audit;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Audit;

/// <summary>Which audit records to list: of one object type, of one object, within [From, To) (UTC); the operator may also name a company.</summary>
public sealed record AuditQuery(string? ObjectType = null, string? ObjectId = null, DateTime? From = null, DateTime? To = null, Guid? CompanyId = null);

/// <summary>One property in a record: its value before and after, as text (null when absent or empty).</summary>
public sealed record AuditChange(string Property, string? Before, string? After);

/// <summary>
/// An audit record as read: <see cref="TenantId"/> is null for a platform object;
/// <see cref="CompanyId"/> names the company concerned (its own for a company's object).
/// <see cref="Before"/>/<see cref="After"/> are the stored JSON objects, <see cref="Changes"/>
/// the same property by property.
/// </summary>
public sealed record AuditEntryView(
    Guid Id,
    Guid? TenantId,
    Guid? CompanyId,
    string? CompanyName,
    DateTime OccurredAt,
    string ActorRole,
    string ActorName,
    AuditAction Action,
    string ObjectType,
    string ObjectId,
    string Label,
    JsonElement? Before,
    JsonElement? After,
    IReadOnlyList<AuditChange> Changes);

/// <summary>
/// A-AUDIT, read side: a company's audit log for its managers (through the tenant filter, so
/// only its own records exist for them), and the whole platform's for the operator, newest first.
/// </summary>
public sealed class AuditLog(PortalDbContext db)
{
    /// <summary>A company's record as a row of the combined list.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<AuditEntry, Row>> CompanyRow = e => new Row
    {
        Id = e.Id,
        TenantId = e.TenantId,
        CompanyId = e.TenantId,
        OccurredAt = e.OccurredAt,
        ActorRole = e.ActorRole,
        ActorName = e.ActorName,
        Action = e.Action,
        ObjectType = e.ObjectType,
        ObjectId = e.ObjectId,
        Label = e.Label,
        Before = e.Before,
        After = e.After,
    };

    /// <summary>The current company's records.</summary>
    public async Task<Result<Page<AuditEntryView>>> ForCompanyAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        if (Check(query) is { } error)
        {
            return error;
        }

        var rows = Filter(db.AuditEntries.AsNoTracking(), query).Select(CompanyRow);
        return await PageAsync(rows, page, withCompanyNames: false, cancellationToken);
    }

    /// <summary>
    /// The operator's view: every company's records and the platform's. Crosses tenants on
    /// purpose, so it lifts the tenant filter by name; <see cref="AuditQuery.CompanyId"/>
    /// narrows it to the records of one company and the platform records concerning it.
    /// </summary>
    public async Task<Result<Page<AuditEntryView>>> AcrossCompaniesAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        if (Check(query) is { } error)
        {
            return error;
        }

        var companies = Filter(db.AuditEntries.IgnoreQueryFilters([TenantModelExtensions.FilterName]).AsNoTracking(), query);
        var platform = Filter(db.PlatformAuditEntries.AsNoTracking(), query);
        if (query.CompanyId is { } companyId)
        {
            companies = companies.Where(e => e.TenantId == companyId);
            platform = platform.Where(e => e.CompanyId == companyId);
        }

        var rows = companies.Select(CompanyRow).Concat(platform.Select(e => new Row
        {
            Id = e.Id,
            TenantId = null,
            CompanyId = e.CompanyId,
            OccurredAt = e.OccurredAt,
            ActorRole = e.ActorRole,
            ActorName = e.ActorName,
            Action = e.Action,
            ObjectType = e.ObjectType,
            ObjectId = e.ObjectId,
            Label = e.Label,
            Before = e.Before,
            After = e.After,
        }));
        return await PageAsync(rows, page, withCompanyNames: true, cancellationToken);
    }

    /// <summary>The object types the current company's log holds, for a filter.</summary>
    public async Task<IReadOnlyList<string>> CompanyObjectTypesAsync(CancellationToken cancellationToken) =>
        await db.AuditEntries.Select(e => e.ObjectType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);

    /// <summary>The object types of the whole platform's log, for the operator's filter.</summary>
    public async Task<IReadOnlyList<string>> PlatformObjectTypesAsync(CancellationToken cancellationToken)
    {
        var companies = await db.AuditEntries.IgnoreQueryFilters([TenantModelExtensions.FilterName]).Select(e => e.ObjectType).Distinct().ToListAsync(cancellationToken);
        var platform = await db.PlatformAuditEntries.Select(e => e.ObjectType).Distinct().ToListAsync(cancellationToken);
        return companies.Union(platform).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A record's properties with their values before and after, in the order stored.</summary>
    public static IReadOnlyList<AuditChange> ChangesOf(string? before, string? after)
    {
        var old = Parse(before);
        var current = Parse(after);
        return old.Keys.Concat(current.Keys).Distinct()
            .Select(property => new AuditChange(property, Text(old.GetValueOrDefault(property)), Text(current.GetValueOrDefault(property))))
            .ToList();
    }

    private static Error? Check(AuditQuery query) =>
        query.From is { } from && query.To is { } to && from >= to
            ? Error.Validation("audit.period", "The start of the period must be before its end.", nameof(AuditQuery.From))
            : null;

    private static IQueryable<T> Filter<T>(IQueryable<T> records, AuditQuery query)
        where T : AuditRecord
    {
        if (!string.IsNullOrWhiteSpace(query.ObjectType))
        {
            var type = query.ObjectType.Trim();
            records = records.Where(e => e.ObjectType == type);
        }

        if (!string.IsNullOrWhiteSpace(query.ObjectId))
        {
            // Ids are stored in GUIDs' canonical lower-case form.
            var id = Guid.TryParse(query.ObjectId.Trim(), out var guid) ? guid.ToString("D") : query.ObjectId.Trim();
            records = records.Where(e => e.ObjectId == id);
        }

        if (query.From is { } from)
        {
            records = records.Where(e => e.OccurredAt >= from);
        }

        if (query.To is { } to)
        {
            records = records.Where(e => e.OccurredAt < to);
        }

        return records;
    }

    private async Task<Result<Page<AuditEntryView>>> PageAsync(IQueryable<Row> rows, PageRequest page, bool withCompanyNames, CancellationToken cancellationToken)
    {
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);

        // Only the companies this page names, not every company of the platform.
        var companyIds = withCompanyNames ? items.Where(r => r.CompanyId is not null).Select(r => r.CompanyId!.Value).Distinct().ToList() : [];
        var names = companyIds.Count == 0
            ? null
            : await db.Tenants.AsNoTracking().Where(t => companyIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.CompanyName, cancellationToken);
        var views = items.Select(r => new AuditEntryView(
            r.Id,
            r.TenantId,
            r.CompanyId,
            r.CompanyId is { } company ? names?.GetValueOrDefault(company) : null,
            r.OccurredAt,
            r.ActorRole,
            r.ActorName,
            r.Action,
            r.ObjectType,
            r.ObjectId,
            r.Label,
            Element(r.Before),
            Element(r.After),
            ChangesOf(r.Before, r.After))).ToList();
        return new Page<AuditEntryView>(views, page.Page, page.PageSize, total);
    }

    private static Dictionary<string, JsonElement> Parse(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];

    private static JsonElement? Element(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    /// <summary>Both kinds of record in one shape, so the operator's list pages in the database.</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }

        public Guid? TenantId { get; init; }

        public Guid? CompanyId { get; init; }

        public DateTime OccurredAt { get; init; }

        public string ActorRole { get; init; } = "";

        public string ActorName { get; init; } = "";

        public AuditAction Action { get; init; }

        public string ObjectType { get; init; } = "";

        public string ObjectId { get; init; } = "";

        public string Label { get; init; } = "";

        public string? Before { get; init; }

        public string? After { get; init; }
    }
}
