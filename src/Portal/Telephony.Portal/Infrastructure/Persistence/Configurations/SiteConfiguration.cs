using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;

namespace Telephony.Portal.Infrastructure.Persistence.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ToTable("Sites");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Street).HasMaxLength(200);
        builder.Property(s => s.Postcode).HasMaxLength(10);
        builder.Property(s => s.City).HasMaxLength(100);
        builder.Property(s => s.Zone).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.TenantId, s.Name }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PoolNumberConfiguration : IEntityTypeConfiguration<PoolNumber>
{
    public void Configure(EntityTypeBuilder<PoolNumber> builder)
    {
        builder.ToTable("PoolNumbers");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Number).HasMaxLength(16);
        builder.Property(n => n.Zone).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(n => n.Number).IsUnique();
        builder.HasIndex(n => new { n.Zone, n.AssignedTenantId });
    }
}
