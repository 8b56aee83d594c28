using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Domain.Tenants;

namespace Telephony.Portal.Infrastructure.Persistence.Configurations;

internal sealed class ManagerApiKeyConfiguration : IEntityTypeConfiguration<ManagerApiKey>
{
    public void Configure(EntityTypeBuilder<ManagerApiKey> builder)
    {
        builder.ToTable("ManagerApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.HasIndex(k => k.TenantId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OperatorApiKeyConfiguration : IEntityTypeConfiguration<OperatorApiKey>
{
    public void Configure(EntityTypeBuilder<OperatorApiKey> builder)
    {
        builder.ToTable("OperatorApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
    }
}
