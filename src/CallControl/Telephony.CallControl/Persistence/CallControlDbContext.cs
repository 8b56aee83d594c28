using Microsoft.EntityFrameworkCore;
using Telephony.CallControl.Registrar;
using Telephony.CallControl.Voicemail;
using Telephony.ServiceDefaults.Data;

namespace Telephony.CallControl.Persistence;

/// <summary>CallControl's own store: routing snapshots, registrations and voicemail boxes' counts (MWI).</summary>
public sealed class CallControlDbContext(DbContextOptions<CallControlDbContext> options) : DbContext(options)
{
    public DbSet<StoredRoutingSnapshot> RoutingSnapshots => Set<StoredRoutingSnapshot>();

    public DbSet<Registration> Registrations => Set<Registration>();

    public DbSet<VoicemailBoxState> VoicemailBoxes => Set<VoicemailBoxState>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredRoutingSnapshot>(b =>
        {
            b.ToTable("RoutingSnapshots");
            b.HasKey(s => s.TenantId);
        });
        modelBuilder.Entity<Registration>(b =>
        {
            b.ToTable("Registrations");
            b.HasKey(r => r.Id);
            b.Property(r => r.ContactUri).HasMaxLength(512);
            b.Property(r => r.CallId).HasMaxLength(256);
            b.Property(r => r.Transport).HasMaxLength(8);
            b.Property(r => r.SourceAddress).HasMaxLength(64);
            b.Property(r => r.UserAgent).HasMaxLength(256);
            b.HasIndex(r => new { r.TenantId, r.LineId, r.ContactUri }).IsUnique();
            b.HasIndex(r => r.ExpiresAt);
        });
        modelBuilder.Entity<VoicemailBoxState>(b =>
        {
            b.ToTable("VoicemailBoxes");
            b.HasKey(v => new { v.TenantId, v.BoxId });
        });
    }
}

/// <summary>The newest routing snapshot received for one tenant, as the JSON of the event.</summary>
public sealed class StoredRoutingSnapshot
{
    public Guid TenantId { get; set; }

    public long Version { get; set; }

    public string Payload { get; set; } = "";

    public DateTime ReceivedAt { get; set; }
}
