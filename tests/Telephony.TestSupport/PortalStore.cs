using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.TestSupport;

/// <summary>
/// A Portal database for tests, on SQLite in memory or on a real PostgreSQL database, migrated
/// with the same hand-written migrations as production. Each context gets its own
/// <see cref="TenantContext"/>, like each HTTP request does.
/// </summary>
public sealed class PortalStore : IAsyncDisposable
{
    private readonly SqliteConnection? _sqlite;
    private readonly string? _postgres;

    private PortalStore(SqliteConnection? sqlite, string? postgres)
    {
        _sqlite = sqlite;
        _postgres = postgres;
    }

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public static async Task<PortalStore> SqliteAsync(string? targetMigration = null)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var store = new PortalStore(connection, null);
        await store.MigrateAsync(targetMigration);
        return store;
    }

    public static async Task<PortalStore> PostgresAsync(PostgresDatabase database, string? targetMigration = null)
    {
        var store = new PortalStore(null, database.ConnectionString);
        await store.MigrateAsync(targetMigration);
        return store;
    }

    /// <summary>A context acting for <paramref name="tenantId"/>; <paramref name="actor"/> is who the audit log names (System when none).</summary>
    public PortalDbContext Context(Guid? tenantId = null, Actor? actor = null)
    {
        var tenant = new TenantContext();
        if (tenantId is { } id)
        {
            tenant.Enter(id);
        }

        return Context(tenant, actor);
    }

    public PortalDbContext Context(TenantContext tenant, Actor? actor = null)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        if (_sqlite is not null)
        {
            options.UseSqlite(_sqlite, o => o.MigrationsHistoryTable("__PortalMigrations"));
        }
        else
        {
            options.UseNpgsql(_postgres, o => o.MigrationsHistoryTable("__PortalMigrations"));
        }

        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        options.AddInterceptors(new TenantGuardInterceptor(tenant));
        return new PortalDbContext(options.Options, tenant, Time, actor: actor);
    }

    public async Task MigrateAsync(string? targetMigration = null)
    {
        await using var db = Context();
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        await migrator.MigrateAsync(targetMigration);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }
    }
}
