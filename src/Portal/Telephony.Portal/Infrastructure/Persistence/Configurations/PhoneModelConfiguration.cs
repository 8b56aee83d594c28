using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Telephony.Portal.Domain.Devices;

namespace Telephony.Portal.Infrastructure.Persistence.Configurations;

internal sealed class PhoneModelConfiguration : IEntityTypeConfiguration<PhoneModel>
{
    public void Configure(EntityTypeBuilder<PhoneModel> builder)
    {
        builder.ToTable("PhoneModels");
        builder.HasKey(m => m.Id);
        builder.Ignore(m => m.DisplayName);
        builder.Property(m => m.Vendor).HasMaxLength(50);
        builder.Property(m => m.Model).HasMaxLength(50);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.Vendor, m.Model }).IsUnique();
    }
}
