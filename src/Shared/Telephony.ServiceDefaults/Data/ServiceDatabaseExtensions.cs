using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Telephony.ServiceDefaults.Data;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// Registers a service's own store: <c>ConnectionStrings:{serviceName}</c> on the engine of
    /// <c>Database:Provider</c> (a SQLite file in the data folder when no connection string is
    /// given), its hand-written migrations applied at start, and a readiness check tagged with
    /// <paramref name="healthTag"/>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        string healthTag,
        Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(builder.Configuration, options, serviceName, builder.Environment.ContentRootPath);
        var historyTable = $"__{serviceName}Migrations";
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName);

        builder.Services.AddDbContext<TContext>((services, db) =>
        {
            switch (options.Provider)
            {
                case DatabaseProvider.Postgres:
                    db.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(historyTable));
                    break;
                default:
                    db.UseSqlite(connectionString, o => o.MigrationsHistoryTable(historyTable));
                    break;
            }

            // Migrations are written by hand (EF's design-time package is not available), so
            // there is no model snapshot to compare with; a test compares the migrated schema
            // with the model instead.
            db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
            configure?.Invoke(services, db);
        });

        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>($"{healthTag}-database", tags: [healthTag]);
        return builder;
    }

    internal static string ResolveConnectionString(IConfiguration configuration, DatabaseOptions options, string serviceName, string contentRoot)
    {
        var configured = configuration.GetConnectionString(serviceName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (options.Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{serviceName} is required when Database:Provider is Postgres " +
                $"(environment variable ConnectionStrings__{serviceName}).");
        }

        var folder = Path.GetFullPath(options.DataFolder, contentRoot);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, serviceName.ToLowerInvariant() + ".db"),
            Pooling = true,
        }.ToString();
    }
}
