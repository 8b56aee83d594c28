using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>
/// The outbox that carries configuration events (starting with the per-tenant routing
/// snapshot) and the snapshot version kept on each tenant. Existing tenants start at version 0;
/// their first change publishes version 1.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000002_RoutingSnapshotOutbox")]
public sealed class RoutingSnapshotOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>("RoutingVersion", "Tenants", nullable: false, defaultValue: 0L);

        migrationBuilder.CreateOutboxTable();
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("OutboxMessages");
        migrationBuilder.DropColumn("RoutingVersion", "Tenants");
    }
}
