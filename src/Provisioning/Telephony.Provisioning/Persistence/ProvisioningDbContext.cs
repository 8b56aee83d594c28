using Microsoft.EntityFrameworkCore;
using Telephony.Provisioning.Devices;
using Telephony.ServiceDefaults.Data;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.Provisioning.Persistence;

/// <summary>
/// Provisioning's own store: each tenant's newest device snapshot, each phone's assignment,
/// provisioning token and contact log, and the outbox of the events it publishes.
/// </summary>
public sealed class ProvisioningDbContext(DbContextOptions<ProvisioningDbContext> options) : DbContext(options), IOutboxStore
{
    public DbSet<TenantDeviceSet> TenantDeviceSets => Set<TenantDeviceSet>();

    public DbSet<StoredDevice> Devices => Set<StoredDevice>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TenantDeviceSet>(b =>
        {
            b.ToTable("TenantDeviceSets");
            b.HasKey(s => s.TenantId);
            b.Property(s => s.Version).IsConcurrencyToken();
            b.Property(s => s.SipDomain).HasMaxLength(253);
            b.Property(s => s.Language).HasMaxLength(2);
            b.Property(s => s.TimeZone).HasMaxLength(64);
        });
        modelBuilder.Entity<StoredDevice>(b =>
        {
            b.ToTable("Devices");
            b.HasKey(d => d.Mac);
            b.Property(d => d.Mac).HasMaxLength(12);
            b.Property(d => d.Token).HasMaxLength(64);
            b.Property(d => d.Fingerprint).HasMaxLength(64);
            b.Property(d => d.LastProvisionedFrom).HasMaxLength(64);
            b.HasIndex(d => d.Token).IsUnique();
            b.HasIndex(d => new { d.TenantId, d.LineId });
        });
        modelBuilder.MapOutbox();
    }
}
