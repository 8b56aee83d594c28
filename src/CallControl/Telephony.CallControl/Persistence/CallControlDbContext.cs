using Microsoft.EntityFrameworkCore;
using Telephony.ServiceDefaults.Data;

namespace Telephony.CallControl.Persistence;

/// <summary>CallControl's own store: routing snapshots now; registrations and call state later.</summary>
public sealed class CallControlDbContext(DbContextOptions<CallControlDbContext> options) : DbContext(options)
{
    public DbSet<StoredRoutingSnapshot> RoutingSnapshots => Set<StoredRoutingSnapshot>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<StoredRoutingSnapshot>(b =>
        {
            b.ToTable("RoutingSnapshots");
            b.HasKey(s => s.TenantId);
        });
}

/// <summary>The newest routing snapshot received for one tenant, as the JSON of the event.</summary>
public sealed class StoredRoutingSnapshot
{
    public Guid TenantId { get; set; }

    public long Version { get; set; }

    public string Payload { get; set; } = "";

    public DateTime ReceivedAt { get; set; }
}
