using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Telephony.Portal.Domain.Contacts;
using Telephony.Portal.Domain.Tenants;

namespace Telephony.Portal.Infrastructure.Persistence.Configurations;

internal sealed class DirectoryContactConfiguration : IEntityTypeConfiguration<DirectoryContact>
{
    public void Configure(EntityTypeBuilder<DirectoryContact> builder)
    {
        builder.ToTable("DirectoryContacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(DirectoryContact.MaxNameLength);
        builder.Property(c => c.Number).HasMaxLength(16);
        builder.Property(c => c.ShortNumber).HasMaxLength(6);
        builder.Property(c => c.SearchText).HasMaxLength(300);
        builder.HasIndex(c => new { c.TenantId, c.Name });
        builder.HasIndex(c => new { c.TenantId, c.ShortNumber }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
