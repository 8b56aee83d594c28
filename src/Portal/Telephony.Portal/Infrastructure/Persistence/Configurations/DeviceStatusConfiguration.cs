using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Telephony.Portal.Domain.Devices;
using Telephony.Portal.Domain.Lines;

namespace Telephony.Portal.Infrastructure.Persistence.Configurations;

internal sealed class DeviceStatusConfiguration : IEntityTypeConfiguration<DeviceStatus>
{
    public void Configure(EntityTypeBuilder<DeviceStatus> builder)
    {
        builder.ToTable("DeviceStatuses");
        builder.HasKey(s => s.LineId);
        builder.HasIndex(s => s.TenantId);
        builder.Property(s => s.ProvisionedFrom).HasMaxLength(DeviceStatus.MaxTextLength);
        builder.Property(s => s.ProvisionedUserAgent).HasMaxLength(DeviceStatus.MaxTextLength);
        builder.Property(s => s.RegisteredFrom).HasMaxLength(DeviceStatus.MaxTextLength);
        builder.Property(s => s.RegisteredUserAgent).HasMaxLength(DeviceStatus.MaxTextLength);
        builder.HasOne<Line>().WithOne().HasForeignKey<DeviceStatus>(s => s.LineId).OnDelete(DeleteBehavior.Cascade);
    }
}
