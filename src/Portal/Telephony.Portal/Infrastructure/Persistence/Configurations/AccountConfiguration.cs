using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Tenants;

namespace Telephony.Portal.Infrastructure.Persistence.Configurations;

internal sealed class OperatorAccountConfiguration : IEntityTypeConfiguration<OperatorAccount>
{
    public void Configure(EntityTypeBuilder<OperatorAccount> builder)
    {
        builder.Ignore(a => a.Kind);
        builder.Ignore(a => a.CompanyId);
        builder.ToTable("OperatorAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Email).HasMaxLength(254);
        builder.Property(a => a.DisplayName).HasMaxLength(100);
        builder.Property(a => a.PasswordHash).HasMaxLength(200);
        builder.HasIndex(a => a.Email).IsUnique();
    }
}

internal sealed class ManagerAccountConfiguration : IEntityTypeConfiguration<ManagerAccount>
{
    public void Configure(EntityTypeBuilder<ManagerAccount> builder)
    {
        builder.Ignore(a => a.Kind);
        builder.Ignore(a => a.CompanyId);
        builder.ToTable("ManagerAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Email).HasMaxLength(254);
        builder.Property(a => a.DisplayName).HasMaxLength(100);
        builder.Property(a => a.PasswordHash).HasMaxLength(200);
        builder.HasIndex(a => a.Email).IsUnique();
        builder.HasIndex(a => a.TenantId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.Ignore(a => a.Kind);
        builder.Ignore(a => a.CompanyId);
        builder.ToTable("UserAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Email).HasMaxLength(254);
        builder.Property(a => a.PasswordHash).HasMaxLength(200);
        builder.HasIndex(a => a.Email).IsUnique();
        builder.HasIndex(a => a.LineId).IsUnique();
        builder.HasIndex(a => a.TenantId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Line>().WithMany().HasForeignKey(a => a.LineId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> builder)
    {
        builder.ToTable("AccountTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.AccountKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.AccountId);
    }
}
