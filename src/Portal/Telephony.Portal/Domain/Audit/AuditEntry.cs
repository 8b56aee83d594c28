using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Domain.Audit;

public enum AuditAction
{
    Created,
    Changed,
    Deleted,
}

/// <summary>
/// A-AUDIT: one configuration object created, changed or deleted, by whom and when. Written
/// by the save that makes the change, so the change and its record commit together.
/// <see cref="Before"/> and <see cref="After"/> are JSON objects keyed by property: only the
/// changed properties for <see cref="AuditAction.Changed"/>, the whole object otherwise.
/// Secrets are masked before they get here.
/// </summary>
public abstract class AuditRecord
{
    public const int MaxLabelLength = 300;

    public Guid Id { get; protected set; }

    public DateTime OccurredAt { get; protected set; }

    /// <summary>Operator, Manager, User; System for background work; Anonymous for a password link.</summary>
    public string ActorRole { get; protected set; } = "";

    /// <summary>The login, or "API key &lt;name&gt;".</summary>
    public string ActorName { get; protected set; } = "";

    public AuditAction Action { get; protected set; }

    /// <summary>The domain name of the object: Line, Site, Calendar, Tenant, ApiKey…</summary>
    public string ObjectType { get; protected set; } = "";

    /// <summary>The object's key as text (a GUID, or the plan type of a subscription quota).</summary>
    public string ObjectId { get; protected set; } = "";

    /// <summary>What a person calls the object ("Alice Martin (+33199000000)").</summary>
    public string Label { get; protected set; } = "";

    public string? Before { get; protected set; }

    public string? After { get; protected set; }

    protected void Fill(AuditFacts facts)
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(facts.OccurredAt.Ticks, TimeSpan.Zero));
        OccurredAt = facts.OccurredAt;
        ActorRole = facts.ActorRole;
        ActorName = facts.ActorName;
        Action = facts.Action;
        ObjectType = facts.ObjectType;
        ObjectId = facts.ObjectId;
        Label = facts.Label.Length > MaxLabelLength ? facts.Label[..MaxLabelLength] : facts.Label;
        Before = facts.Before;
        After = facts.After;
    }
}

/// <summary>What an audit record says, before it is known whether the object belongs to a company.</summary>
public sealed record AuditFacts(
    DateTime OccurredAt,
    string ActorRole,
    string ActorName,
    AuditAction Action,
    string ObjectType,
    string ObjectId,
    string Label,
    string? Before,
    string? After);

/// <summary>The record of a change to a company's own object: read only within that company (T-TENANT).</summary>
public sealed class AuditEntry : AuditRecord, ITenantOwned
{
    private AuditEntry()
    {
    }

    public Guid TenantId { get; private set; }

    public static AuditEntry Create(Guid tenantId, AuditFacts facts)
    {
        var entry = new AuditEntry { TenantId = tenantId };
        entry.Fill(facts);
        return entry;
    }
}

/// <summary>
/// The record of a change to a platform object (a company itself, the number pool, the phone
/// catalogue, operator accounts and keys): no tenant, read by the operator only.
/// <see cref="CompanyId"/> names the company concerned, when there is one.
/// </summary>
public sealed class PlatformAuditEntry : AuditRecord
{
    private PlatformAuditEntry()
    {
    }

    public Guid? CompanyId { get; private set; }

    public static PlatformAuditEntry Create(Guid? companyId, AuditFacts facts)
    {
        var entry = new PlatformAuditEntry { CompanyId = companyId };
        entry.Fill(facts);
        return entry;
    }
}
