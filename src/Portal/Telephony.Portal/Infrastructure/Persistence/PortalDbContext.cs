using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Domain.Announcements;
using Telephony.Portal.Domain.Audit;
using Telephony.Portal.Domain.Calendars;
using Telephony.Portal.Domain.Contacts;
using Telephony.Portal.Domain.HuntGroups;
using Telephony.Portal.Domain.Devices;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Domain.PickupGroups;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Infrastructure.Audit;
using Telephony.Portal.Infrastructure.Mail;
using Telephony.Portal.Infrastructure.Routing;
using Telephony.Portal.Infrastructure.Security;
using Telephony.ServiceDefaults.Data;
using Telephony.ServiceDefaults.Messaging;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Infrastructure.Persistence;

/// <summary>
/// The configuration database the Portal owns. Tenant-owned sets are filtered to the current
/// tenant (<see cref="TenantContext"/>); saving a change that routing depends on also stages
/// the tenant's new routing snapshot in the outbox, in the same transaction, and every save
/// records its configuration changes in the audit log (A-AUDIT), in the same transaction too.
/// </summary>
public sealed class PortalDbContext(
    DbContextOptions<PortalDbContext> options,
    TenantContext tenant,
    TimeProvider time,
    OutboxSignal<PortalDbContext>? outboxSignal = null,
    MailSignal? mailSignal = null,
    Actor? actor = null) : DbContext(options), IOutboxStore
{
    public Guid? CurrentTenantId => tenant.TenantId;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<PlanQuota> PlanQuotas => Set<PlanQuota>();

    public DbSet<OptionQuota> OptionQuotas => Set<OptionQuota>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<PoolNumber> PoolNumbers => Set<PoolNumber>();

    public DbSet<Line> Lines => Set<Line>();

    public DbSet<Calendar> Calendars => Set<Calendar>();

    public DbSet<PhoneModel> PhoneModels => Set<PhoneModel>();

    public DbSet<DeviceStatus> DeviceStatuses => Set<DeviceStatus>();

    public DbSet<PickupGroup> PickupGroups => Set<PickupGroup>();

    public DbSet<DirectoryContact> DirectoryContacts => Set<DirectoryContact>();

    public DbSet<HuntGroupMember> HuntGroupMembers => Set<HuntGroupMember>();

    public DbSet<Announcement> Announcements => Set<Announcement>();

    public DbSet<OperatorAccount> OperatorAccounts => Set<OperatorAccount>();

    public DbSet<ManagerAccount> ManagerAccounts => Set<ManagerAccount>();

    public DbSet<UserAccount> UserAccounts => Set<UserAccount>();

    public DbSet<ManagerApiKey> ManagerApiKeys => Set<ManagerApiKey>();

    public DbSet<OperatorApiKey> OperatorApiKeys => Set<OperatorApiKey>();

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PlatformAuditEntry> PlatformAuditEntries => Set<PlatformAuditEntry>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        modelBuilder.MapOutbox();
        modelBuilder.Entity<DataProtectionKey>(b =>
        {
            b.ToTable("DataProtectionKeys");
            b.Property(k => k.FriendlyName).HasMaxLength(200);
        });
        modelBuilder.ApplyTenantQueryFilters(this, c => c.CurrentTenantId);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var queuesMail = ChangeTracker.Entries<OutgoingMail>().Any(e => e.State == EntityState.Added);
        var audit = AuditTrail.Record(this, actor, time.GetUtcNow().UtcDateTime);
        int saved;
        try
        {
            saved = await RoutingSnapshotStaging.SaveAsync(this, time, outboxSignal, acceptAllChangesOnSuccess, base.SaveChangesAsync, cancellationToken);
        }
        catch
        {
            AuditTrail.Forget(this, audit);
            throw;
        }

        if (queuesMail && Database.CurrentTransaction is null)
        {
            mailSignal?.Notify();
        }

        return saved;
    }

    /// <summary>Synchronous saves exist for synchronous framework callbacks (the key ring); they cannot stage a routing snapshot.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (RoutingSnapshotStaging.HasRoutingChanges(ChangeTracker))
        {
            throw new NotSupportedException("Use SaveChangesAsync: this change stages a routing snapshot.");
        }

        var audit = AuditTrail.Record(this, actor, time.GetUtcNow().UtcDateTime);
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch
        {
            AuditTrail.Forget(this, audit);
            throw;
        }
    }
}
