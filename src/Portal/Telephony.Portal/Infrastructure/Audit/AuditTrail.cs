using CultureInfo = System.Globalization.CultureInfo;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Domain.Audit;
using Telephony.Portal.Domain.Calendars;
using Telephony.Portal.Domain.Devices;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Domain.PickupGroups;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Infrastructure.Mail;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.Portal.Infrastructure.Security;
using Telephony.ServiceDefaults.Messaging;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Infrastructure.Audit;

/// <summary>
/// A-AUDIT, in one place: before a save, every configuration object the change tracker holds as
/// added, modified or deleted gets an audit record added to the same save, so the change and
/// its record commit together or not at all. Objects of a company get an
/// <see cref="AuditEntry"/> of that company (tenant-owned, filtered like the rest); platform
/// objects a <see cref="PlatformAuditEntry"/>. Technical rows are not recorded, noise
/// properties are left out, and secrets are masked (also inside JSON document columns).
/// </summary>
internal static class AuditTrail
{
    /// <summary>What a secret's value is replaced with: the record says it changed, never what it is.</summary>
    public const string Masked = "********";

    /// <summary>Rows that are plumbing, not configuration.</summary>
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(OutboxMessage),
        typeof(OutgoingMail),
        typeof(AccountToken),
        typeof(DataProtectionKey),
        typeof(AuditEntry),
        typeof(PlatformAuditEntry),
    ];

    /// <summary>Properties that change without anyone configuring anything (sign-in counters, derived or technical columns).</summary>
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        nameof(PortalAccount.FailedSignIns),
        nameof(PortalAccount.LockedUntil),
        nameof(Tenant.RoutingVersion),
        nameof(Line.SearchText),
    };

    /// <summary>Property names (also JSON keys) whose values are never written down: SIP and account passwords, key and token hashes, PINs.</summary>
    private static readonly string[] SecretSuffixes = ["password", "hash", "secret", "token", "pin", "puk"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Adds a record for each pending change to <paramref name="db"/> and returns them (to forget them if the save fails).</summary>
    public static IReadOnlyList<AuditRecord> Record(PortalDbContext db, Actor? actor, DateTime now)
    {
        var records = new List<AuditRecord>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || NotAudited.Contains(entry.Metadata.ClrType))
            {
                continue;
            }

            var (before, after) = entry.State switch
            {
                EntityState.Added => (null, Whole(entry, original: false)),
                EntityState.Deleted => (Whole(entry, original: true), null),
                _ => Changes(entry),
            };
            if (before is null && after is null)
            {
                continue; // only noise changed
            }

            var facts = new AuditFacts(
                now,
                actor?.AuditRole ?? "System",
                actor?.AuditName ?? "",
                entry.State switch { EntityState.Added => AuditAction.Created, EntityState.Deleted => AuditAction.Deleted, _ => AuditAction.Changed },
                TypeName(entry.Entity),
                ObjectId(entry),
                Label(entry),
                before?.ToJsonString(Json),
                after?.ToJsonString(Json));

            // A new row may still wait for the tenant guard to stamp it with the current tenant.
            AuditRecord record = entry.Entity is ITenantOwned owned
                ? AuditEntry.Create(owned.TenantId != Guid.Empty ? owned.TenantId : db.CurrentTenantId ?? Guid.Empty, facts)
                : PlatformAuditEntry.Create(CompanyOf(entry), facts);
            db.Add(record);
            records.Add(record);
        }

        return records;
    }

    /// <summary>A failed save leaves its records behind in the change tracker: a later save must not commit them.</summary>
    public static void Forget(PortalDbContext db, IReadOnlyList<AuditRecord> records)
    {
        foreach (var record in records)
        {
            db.Entry(record).State = EntityState.Detached;
        }
    }

    private static JsonObject Whole(EntityEntry entry, bool original)
    {
        var whole = new JsonObject();
        foreach (var property in Recorded(entry))
        {
            whole[NameOf(property)] = ValueOf(entry, property, original ? property.OriginalValue : property.CurrentValue);
        }

        return whole;
    }

    private static (JsonObject? Before, JsonObject? After) Changes(EntityEntry entry)
    {
        var before = new JsonObject();
        var after = new JsonObject();
        foreach (var property in Recorded(entry).Where(p => p.IsModified))
        {
            var name = NameOf(property);
            var old = ValueOf(entry, property, property.OriginalValue);
            var current = ValueOf(entry, property, property.CurrentValue);
            if (old is JsonObject oldDocument && current is JsonObject newDocument)
            {
                Diff(name, oldDocument, newDocument, before, after);
            }
            else if (IsSecret(property.Metadata.Name) || !JsonNode.DeepEquals(old, current))
            {
                before[name] = old;
                after[name] = current;
            }
        }

        return before.Count == 0 && after.Count == 0 ? (null, null) : (before, after);
    }

    /// <summary>A JSON document column (a line's services, a calendar's hours) as the leaves that differ, by dotted path.</summary>
    private static void Diff(string path, JsonObject old, JsonObject current, JsonObject before, JsonObject after)
    {
        foreach (var key in old.Select(p => p.Key).Union(current.Select(p => p.Key)))
        {
            var oldValue = old[key];
            var newValue = current[key];
            var keyPath = $"{path}.{key}";
            if (oldValue is JsonObject oldObject && newValue is JsonObject newObject)
            {
                Diff(keyPath, oldObject, newObject, before, after);
            }
            else if (!JsonNode.DeepEquals(oldValue, newValue))
            {
                before[keyPath] = oldValue?.DeepClone();
                after[keyPath] = newValue?.DeepClone();
            }
        }
    }

    private static IEnumerable<PropertyEntry> Recorded(EntityEntry entry) =>
        entry.Properties.Where(p =>
            !p.Metadata.IsPrimaryKey()
            && !Noise.Contains(p.Metadata.Name)
            && !(entry.Entity is ITenantOwned && p.Metadata.Name == nameof(ITenantOwned.TenantId)));

    private static string NameOf(PropertyEntry property) =>
        JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.GetColumnName());

    private static JsonNode? ValueOf(EntityEntry entry, PropertyEntry property, object? value)
    {
        if (entry.Entity is Line line && property.Metadata.GetColumnName() == "Services")
        {
            value ??= LineServices.DefaultsFor(line.Kind); // rows from before the column read as the defaults (ADR 7)
        }

        if (value is null)
        {
            return null;
        }

        if (IsSecret(property.Metadata.Name))
        {
            return JsonValue.Create(Masked);
        }

        if (property.Metadata.GetValueConverter() is { } converter)
        {
            value = converter.ConvertToProvider(value);
            if (value is string text && text.Length > 0 && text[0] is '{' or '[')
            {
                return MaskSecrets(JsonNode.Parse(text)); // a JSON document column, kept readable
            }
        }

        return JsonSerializer.SerializeToNode(value, Json);
    }

    private static JsonNode? MaskSecrets(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject document:
                foreach (var key in document.Select(p => p.Key).ToList())
                {
                    document[key] = IsSecret(key) && document[key] is not null ? JsonValue.Create(Masked) : MaskSecrets(document[key]);
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    MaskSecrets(item);
                }

                break;
        }

        return node;
    }

    private static bool IsSecret(string name) =>
        SecretSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    private static string TypeName(object entity) => entity switch
    {
        PlanQuota or OptionQuota => "SubscriptionQuota",
        ManagerApiKey or OperatorApiKey => "ApiKey",
        _ => entity.GetType().Name,
    };

    private static string ObjectId(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties
            .Where(p => !(entry.Entity is ITenantOwned && p.Name == nameof(ITenantOwned.TenantId)))
            .Select(p => Format(entry.Property(p.Name).CurrentValue)));

    private static string Format(object? value) => value switch
    {
        null => "",
        Guid id => id.ToString("D"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Label(EntityEntry entry) => entry.Entity switch
    {
        Line line => line.DisplayName.Length > 0 ? $"{line.DisplayName} ({line.PublicNumber})" : line.PublicNumber,
        Site site => site.Name,
        Calendar calendar => calendar.Name,
        PickupGroup group => group.Name,
        Tenant tenant => tenant.CompanyName,
        PlanQuota quota => $"{quota.Kind.Label()} plans",
        OptionQuota quota => $"{quota.Option} option",
        PhoneModel model => model.DisplayName,
        PoolNumber number => number.Number,
        IApiKey key => key.Name,
        PortalAccount account => account.Email,
        _ => entry.Metadata.FindProperty("Name") is { } name ? Format(entry.Property(name.Name).CurrentValue) : ObjectId(entry),
    };

    /// <summary>The company a platform record concerns: the company itself, or the one a pool number is (or was) assigned to.</summary>
    private static Guid? CompanyOf(EntityEntry entry) => entry.Entity switch
    {
        Tenant tenant => tenant.Id,
        PoolNumber number => number.AssignedTenantId ?? (Guid?)entry.Property(nameof(PoolNumber.AssignedTenantId)).OriginalValue,
        _ => null,
    };
}
