using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;

namespace Telephony.Portal.Infrastructure.Persistence.Configurations;

internal sealed class LineConfiguration : IEntityTypeConfiguration<Line>
{
    public void Configure(EntityTypeBuilder<Line> builder)
    {
        builder.ToTable("Lines");
        builder.HasKey(l => l.Id);
        builder.Ignore(l => l.DisplayName);
        builder.Ignore(l => l.Services);
        builder.Property<Domain.Lines.Services.LineServices?>("_services").HasColumnName("Services")
            .HasConversion(LineServicesColumn.Converter, LineServicesColumn.Comparer);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.PublicNumber).HasMaxLength(16);
        builder.Property(l => l.ShortNumber).HasMaxLength(6);
        builder.Property(l => l.FirstName).HasMaxLength(100);
        builder.Property(l => l.LastName).HasMaxLength(100);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.Email).HasMaxLength(254);
        builder.Property(l => l.SipUsername).HasMaxLength(64);
        builder.Property(l => l.SipPassword).HasMaxLength(64);
        builder.Property(l => l.SearchText).HasMaxLength(800);
        builder.Property(l => l.Mac).HasMaxLength(12);
        builder.Property(l => l.SimIccid).HasMaxLength(20);
        builder.Property(l => l.SimPin).HasMaxLength(8);
        builder.Property(l => l.SimPuk).HasMaxLength(8);
        builder.HasIndex(l => l.SimIccid).IsUnique();

        // Public numbers and user e-mails are unique platform-wide; the rest within a tenant.
        // Both engines treat NULLs as distinct in unique indexes.
        builder.HasIndex(l => l.PublicNumber).IsUnique();
        builder.HasIndex(l => l.Email).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.ShortNumber }).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.SipUsername }).IsUnique();
        builder.HasIndex(l => l.SiteId);
        // A phone belongs to one line on the whole platform (L-HW).
        builder.HasIndex(l => l.Mac).IsUnique();
        builder.HasIndex(l => l.PhoneModelId);
        builder.Property(l => l.MobileAssociation).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(l => l.MobileLineId);
        builder.HasOne<Line>().WithMany().HasForeignKey(l => l.MobileLineId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(l => l.PickupGroupId);
        builder.HasOne<Domain.PickupGroups.PickupGroup>().WithMany().HasForeignKey(l => l.PickupGroupId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Domain.Devices.PhoneModel>().WithMany().HasForeignKey(l => l.PhoneModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Site>().WithMany().HasForeignKey(l => l.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}
