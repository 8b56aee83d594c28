using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Telephony.Portal.Domain.Audit;

namespace Telephony.Portal.Infrastructure.Persistence.Configurations;

/// <summary>
/// Audit records reference nothing (no foreign key): they outlive the objects, and the
/// companies, they describe.
/// </summary>
internal static class AuditColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> builder)
        where T : AuditRecord
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorRole).HasMaxLength(20);
        builder.Property(e => e.ActorName).HasMaxLength(300);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ObjectType).HasMaxLength(50);
        builder.Property(e => e.ObjectId).HasMaxLength(100);
        builder.Property(e => e.Label).HasMaxLength(AuditRecord.MaxLabelLength);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        AuditColumns.Configure(builder);
        builder.HasIndex(e => new { e.TenantId, e.OccurredAt });
        builder.HasIndex(e => new { e.TenantId, e.ObjectId, e.OccurredAt });
    }
}

internal sealed class PlatformAuditEntryConfiguration : IEntityTypeConfiguration<PlatformAuditEntry>
{
    public void Configure(EntityTypeBuilder<PlatformAuditEntry> builder)
    {
        builder.ToTable("PlatformAuditEntries");
        AuditColumns.Configure(builder);
        builder.HasIndex(e => new { e.CompanyId, e.OccurredAt });
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.ObjectId, e.OccurredAt });
    }
}
