using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Telephony.Portal.Domain.PickupGroups;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;

namespace Telephony.Portal.Infrastructure.Persistence.Configurations;

internal sealed class PickupGroupConfiguration : IEntityTypeConfiguration<PickupGroup>
{
    public void Configure(EntityTypeBuilder<PickupGroup> builder)
    {
        builder.ToTable("PickupGroups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Name).HasMaxLength(PickupGroup.MaxNameLength);
        builder.HasIndex(g => new { g.TenantId, g.Name }).IsUnique();
        builder.HasIndex(g => g.SiteId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(g => g.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Site>().WithMany().HasForeignKey(g => g.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}
