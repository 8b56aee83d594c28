using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Telephony.Portal.Domain.HuntGroups;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Tenants;

namespace Telephony.Portal.Infrastructure.Persistence.Configurations;

internal sealed class HuntGroupMemberConfiguration : IEntityTypeConfiguration<HuntGroupMember>
{
    public void Configure(EntityTypeBuilder<HuntGroupMember> builder)
    {
        builder.ToTable("HuntGroupMembers");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.TenantId, m.HuntGroupId, m.LineId }).IsUnique();
        builder.HasIndex(m => m.LineId);
        builder.HasIndex(m => m.HuntGroupId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Line>().WithMany().HasForeignKey(m => m.HuntGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Line>().WithMany().HasForeignKey(m => m.LineId).OnDelete(DeleteBehavior.Cascade);
    }
}
