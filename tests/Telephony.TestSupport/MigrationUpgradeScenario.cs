using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Infrastructure.Persistence;
using Xunit;

namespace Telephony.TestSupport;

/// <summary>
/// The Portal's upgrade test, run on SQLite (unit) and PostgreSQL (integration): a database
/// is created at the first migration, filled with the data that schema can hold, upgraded to
/// the latest migration, and every row must still be there. Grow it with each migration:
/// insert what the previous schema holds, check it after the upgrade.
/// </summary>
public static class MigrationUpgradeScenario
{
    public const string FirstMigration = "20261122000001_InitialConfiguration";

    private static readonly Guid TenantId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid SiteId = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private static readonly Guid LineId = Guid.Parse("33333333-3333-3333-3333-333333333333");
    private static readonly Guid ManagerId = Guid.Parse("44444444-4444-4444-4444-444444444444");
    private static readonly Guid UserId = Guid.Parse("55555555-5555-5555-5555-555555555555");
    private static readonly Guid PoolNumberId = Guid.Parse("66666666-6666-6666-6666-666666666666");

    public static async Task RunAsync(PortalStore store)
    {
        await using (var db = store.Context())
        {
            var applied = await db.Database.GetAppliedMigrationsAsync();
            Assert.Equal([FirstMigration], applied);
            await InsertFirstSchemaDataAsync(db);
        }

        await store.MigrateAsync();

        await using var check = store.Context(TenantId);
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        var tenant = await check.Tenants.SingleAsync(t => t.Id == TenantId);
        Assert.Equal("Upgrade Co", tenant.CompanyName);
        Assert.Equal("upgrade-co.sip.test", tenant.SipDomain);
        Assert.Equal(0, tenant.RoutingVersion);
        Assert.Equal(3, (await check.PlanQuotas.SingleAsync()).Quantity);
        var site = await check.Sites.SingleAsync();
        Assert.Equal(("Head office", "75002", Telephony.Portal.Domain.Numbering.NumberZone.IleDeFrance), (site.Name, site.Postcode, site.Zone));
        var line = await check.Lines.SingleAsync();
        Assert.Equal((LineId, "+33199000000", "201", "alice@example.com", "33199000000", "s3cretS3cretS3cret"), (line.Id, line.PublicNumber, line.ShortNumber, line.Email, line.SipUsername, line.SipPassword));
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), line.CreatedAt);
        Assert.Equal("alice martin  alice@example.com 0199000000 +33199000000 201", line.SearchText);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(Telephony.Portal.Domain.Lines.Services.LineServices.DefaultsFor(line.Kind)),
            System.Text.Json.JsonSerializer.Serialize(line.Services));
        Assert.Empty(await check.Calendars.ToListAsync());
        Assert.Equal(24, await check.PhoneModels.CountAsync());
        Assert.Equal((null, null, null), (line.PhoneModelId, line.Mac, line.PickupGroupId));
        Assert.Equal((Telephony.Portal.Domain.Lines.MobileAssociationState.None, (Guid?)null, (string?)null), (line.MobileAssociation, line.MobileLineId, line.SimIccid));
        Assert.Empty(await check.PickupGroups.ToListAsync());
        Assert.Empty(await check.DirectoryContacts.ToListAsync());
        Assert.Empty(await check.HuntGroupMembers.ToListAsync());
        Assert.Empty(await check.ManagerApiKeys.ToListAsync());
        var manager = await check.ManagerAccounts.SingleAsync();
        Assert.Equal((ManagerId, 0, (DateTime?)null), (manager.Id, manager.FailedSignIns, manager.LockedUntil));
        Assert.Empty(await check.AccountTokens.ToListAsync());
        Assert.Empty(await check.OutgoingMails.ToListAsync());
        Assert.Equal(LineId, (await check.UserAccounts.SingleAsync()).LineId);
        Assert.Equal(TenantId, (await check.PoolNumbers.SingleAsync()).AssignedTenantId);
        Assert.Empty(await check.OutboxMessages.ToListAsync());
        Assert.Empty(await check.DataProtectionKeys.ToListAsync());
        // A-AUDIT starts with the upgrade: nothing from before is invented.
        Assert.Empty(await check.AuditEntries.IgnoreQueryFilters().ToListAsync());
        Assert.Empty(await check.PlatformAuditEntries.ToListAsync());
    }

    private static async Task InsertFirstSchemaDataAsync(PortalDbContext db)
    {
        // Plain SQL: the entity classes describe the latest schema, not the first one.
        var connection = db.Database.GetDbConnection();
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync();
        var created = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        await ExecuteAsync(connection, sqlite, """INSERT INTO "Tenants" ("Id", "CompanyName", "LegalId", "Status", "TimeZone", "SipDomain", "CreatedAt") VALUES (@p0, 'Upgrade Co', NULL, 'Active', 'Europe/Paris', 'upgrade-co.sip.test', @p1)""", TenantId, created);
        await ExecuteAsync(connection, sqlite, """INSERT INTO "PlanQuotas" ("TenantId", "Kind", "Quantity") VALUES (@p0, 'Fixed', 3)""", TenantId);
        await ExecuteAsync(connection, sqlite, """INSERT INTO "Sites" ("Id", "TenantId", "Name", "Street", "Postcode", "City", "Zone", "IsMobileLinesSite", "CreatedAt") VALUES (@p0, @p1, 'Head office', '10 rue de la Paix', '75002', 'PARIS', 'IleDeFrance', @p2, @p3)""", SiteId, TenantId, false, created);
        await ExecuteAsync(connection, sqlite, """INSERT INTO "PoolNumbers" ("Id", "Number", "Zone", "AssignedTenantId", "AssignedAt", "QuarantinedUntil") VALUES (@p0, '+33199000000', 'IleDeFrance', @p1, @p2, NULL)""", PoolNumberId, TenantId, created);
        await ExecuteAsync(connection, sqlite, """INSERT INTO "Lines" ("Id", "TenantId", "SiteId", "Kind", "PublicNumber", "ShortNumber", "FirstName", "LastName", "Name", "Email", "SipUsername", "SipPassword", "CreatedAt") VALUES (@p0, @p1, @p2, 'Fixed', '+33199000000', '201', 'Alice', 'MARTÏN', NULL, 'alice@example.com', '33199000000', 's3cretS3cretS3cret', @p3)""", LineId, TenantId, SiteId, created);
        await ExecuteAsync(connection, sqlite, """INSERT INTO "ManagerAccounts" ("Id", "TenantId", "Email", "DisplayName", "PasswordHash", "CreatedAt") VALUES (@p0, @p1, 'boss@example.com', 'Boss', NULL, @p2)""", ManagerId, TenantId, created);
        await ExecuteAsync(connection, sqlite, """INSERT INTO "UserAccounts" ("Id", "TenantId", "LineId", "Email", "PasswordHash", "CreatedAt") VALUES (@p0, @p1, @p2, 'alice@example.com', NULL, @p3)""", UserId, TenantId, LineId, created);
        await db.Database.CloseConnectionAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, bool sqlite, string sql, params object[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = sqlite ? AsSqliteStores(parameters[i]) : parameters[i];
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>EF Core's SQLite provider stores GUIDs and dates as text in these formats.</summary>
    private static object AsSqliteStores(object value) => value switch
    {
        Guid g => g.ToString().ToUpperInvariant(),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
