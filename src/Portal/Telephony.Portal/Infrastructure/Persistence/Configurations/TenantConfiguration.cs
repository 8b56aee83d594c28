using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Telephony.Portal.Domain.Tenants;

namespace Telephony.Portal.Infrastructure.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("Tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.CompanyName).HasMaxLength(200);
        builder.Property(t => t.LegalId).HasMaxLength(50);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.TimeZone).HasMaxLength(64);
        builder.Property(t => t.Language).HasMaxLength(2);
        builder.Property(t => t.SipDomain).HasMaxLength(253);
        builder.HasIndex(t => t.SipDomain).IsUnique();
    }
}

internal sealed class PlanQuotaConfiguration : IEntityTypeConfiguration<PlanQuota>
{
    public void Configure(EntityTypeBuilder<PlanQuota> builder)
    {
        builder.ToTable("PlanQuotas");
        builder.HasKey(q => new { q.TenantId, q.Kind });
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(q => q.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OptionQuotaConfiguration : IEntityTypeConfiguration<OptionQuota>
{
    public void Configure(EntityTypeBuilder<OptionQuota> builder)
    {
        builder.ToTable("OptionQuotas");
        builder.HasKey(q => new { q.TenantId, q.Option });
        builder.Property(q => q.Option).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(q => q.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
