using Microsoft.EntityFrameworkCore;
using Telephony.MediaServer.Voicemail;
using Telephony.ServiceDefaults.Data;
using Telephony.ServiceDefaults.Messaging;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.MediaServer.Persistence;

/// <summary>
/// MediaServer's own store: voicemail boxes and messages (their audio is in the AudioStore),
/// the leases of jobs that run once in a cluster, and the outbox of the events it publishes.
/// Boxes and messages are tenant-owned: the named "Tenant" query filter scopes every query to
/// <see cref="TenantContext"/>, and the guard interceptor refuses writes for another tenant.
/// </summary>
public sealed class MediaServerDbContext(DbContextOptions<MediaServerDbContext> options, TenantContext tenant) : DbContext(options), IOutboxStore
{
    public DbSet<VoicemailBox> VoicemailBoxes => Set<VoicemailBox>();

    public DbSet<VoicemailMessage> VoicemailMessages => Set<VoicemailMessage>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    internal Guid? CurrentTenantId => tenant.TenantId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VoicemailBox>(b =>
        {
            b.ToTable("VoicemailBoxes");
            b.HasKey(x => new { x.TenantId, x.BoxId });
            b.Property(x => x.PinHash).HasMaxLength(200);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.Ignore(x => x.HasPin);
        });
        modelBuilder.Entity<VoicemailMessage>(b =>
        {
            b.ToTable("VoicemailMessages");
            b.HasKey(x => x.Id);
            b.Property(x => x.CallerNumber).HasMaxLength(64);
            b.Property(x => x.CallerName).HasMaxLength(128);
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(8);
            b.Ignore(x => x.Duration);
            b.Ignore(x => x.ExpiresAt);
            b.HasIndex(x => new { x.TenantId, x.BoxId, x.State });
            // The purge's scans: new messages by arrival, saved ones by when they were saved.
            b.HasIndex(x => new { x.State, x.ReceivedAt });
            b.HasIndex(x => new { x.State, x.SavedAt });
        });
        modelBuilder.Entity<JobLease>(b =>
        {
            b.ToTable("JobLeases");
            b.HasKey(x => x.Name);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Holder).HasMaxLength(100);
        });
        modelBuilder.MapOutbox();
        modelBuilder.ApplyTenantQueryFilters(this, c => c.CurrentTenantId);
    }
}
