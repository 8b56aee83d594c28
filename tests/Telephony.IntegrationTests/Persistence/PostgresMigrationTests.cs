using Microsoft.EntityFrameworkCore;
using Npgsql;
using Telephony.CallControl.Persistence;
using Telephony.TestSupport;

namespace Telephony.IntegrationTests.Persistence;

public sealed class PostgresMigrationTests
{
    [Fact]
    public async Task Migrate_FromFirstMigrationWithData_KeepsEveryRow()
    {
        await using var database = await PostgresDatabase.CreateAsync("upgrade");
        await using var store = await PortalStore.PostgresAsync(database, MigrationUpgradeScenario.FirstMigration);

        await MigrationUpgradeScenario.RunAsync(store);
    }

    [Fact]
    public async Task PortalMigrations_ProduceTheSchemaOfTheModel()
    {
        await using var migrated = await PostgresDatabase.CreateAsync("migrated");
        await using var modelled = await PostgresDatabase.CreateAsync("modelled");
        await using (var store = await PortalStore.PostgresAsync(migrated))
        {
        }

        await using (var db = PortalContextOn(modelled))
        {
            await db.Database.EnsureCreatedAsync();
        }

        Assert.Equal(await DescribeSchemaAsync(modelled), await DescribeSchemaAsync(migrated));
    }

    [Fact]
    public Task CallControlMigrations_ProduceTheSchemaOfTheModel() =>
        AssertMigrationsProduceTheModelAsync("cc", CallControlContextOn);

    [Fact]
    public Task ProvisioningMigrations_ProduceTheSchemaOfTheModel() =>
        AssertMigrationsProduceTheModelAsync("prov", ProvisioningContextOn);

    [Fact]
    public Task MediaServerMigrations_ProduceTheSchemaOfTheModel() =>
        AssertMigrationsProduceTheModelAsync("ms", MediaServerContextOn);

    /// <summary>A service's hand-written migrations against what EF would create from its model.</summary>
    private static async Task AssertMigrationsProduceTheModelAsync(string prefix, Func<PostgresDatabase, DbContext> contextOn)
    {
        await using var migrated = await PostgresDatabase.CreateAsync(prefix + "migrated");
        await using var modelled = await PostgresDatabase.CreateAsync(prefix + "modelled");
        await using (var db = contextOn(migrated))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = contextOn(modelled))
        {
            await db.Database.EnsureCreatedAsync();
        }

        Assert.Equal(await DescribeSchemaAsync(modelled), await DescribeSchemaAsync(migrated));
    }

    private static Telephony.MediaServer.Persistence.MediaServerDbContext MediaServerContextOn(PostgresDatabase database) =>
        new(new DbContextOptionsBuilder<Telephony.MediaServer.Persistence.MediaServerDbContext>()
            .UseNpgsql(database.ConnectionString)
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .Options, new Telephony.ServiceDefaults.Tenancy.TenantContext());

    private static Telephony.Provisioning.Persistence.ProvisioningDbContext ProvisioningContextOn(PostgresDatabase database) =>
        new(new DbContextOptionsBuilder<Telephony.Provisioning.Persistence.ProvisioningDbContext>()
            .UseNpgsql(database.ConnectionString)
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .Options);

    private static Telephony.Portal.Infrastructure.Persistence.PortalDbContext PortalContextOn(PostgresDatabase database)
    {
        var options = new DbContextOptionsBuilder<Telephony.Portal.Infrastructure.Persistence.PortalDbContext>().UseNpgsql(database.ConnectionString).Options;
        return new Telephony.Portal.Infrastructure.Persistence.PortalDbContext(options, new Telephony.ServiceDefaults.Tenancy.TenantContext(), TimeProvider.System);
    }

    private static CallControlDbContext CallControlContextOn(PostgresDatabase database) =>
        new(new DbContextOptionsBuilder<CallControlDbContext>()
            .UseNpgsql(database.ConnectionString)
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .Options);

    /// <summary>Tables, columns (type, length, nullability, default-less) and indexes (columns, uniqueness), sorted.</summary>
    private static async Task<List<string>> DescribeSchemaAsync(PostgresDatabase database)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var columns = new NpgsqlCommand(
            """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length, 0), is_nullable, coalesce(is_identity, 'NO')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_%'
            """, connection))
        await using (var reader = await columns.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add($"column {reader.GetString(0)}.{reader.GetString(1)} {reader.GetString(2)}({reader.GetInt32(3)}) nullable={reader.GetString(4)} identity={reader.GetString(5)}");
            }
        }

        await using (var indexes = new NpgsqlCommand(
            """
            SELECT t.relname, i.relname, ix.indisunique, pg_get_indexdef(ix.indexrelid)
            FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND t.relname NOT LIKE '\_\_%'
            """, connection))
        await using (var reader = await indexes.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add($"index {reader.GetString(0)} {reader.GetString(1)} unique={reader.GetBoolean(2)} {reader.GetString(3)}");
            }
        }

        await using (var foreignKeys = new NpgsqlCommand(
            """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace
            """, connection))
        await using (var reader = await foreignKeys.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add($"fk {reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
