using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

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

        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Sequence = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MessageId = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: true),
                MessageType = table.Column<string>(maxLength: 300, nullable: false),
                Body = table.Column<string>(nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: false),
                LeasedUntil = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxMessages", x => x.Sequence));
        migrationBuilder.CreateIndex("IX_OutboxMessages_MessageId", "OutboxMessages", "MessageId", unique: true);
        migrationBuilder.CreateIndex("IX_OutboxMessages_SentAt_NextAttemptAt", "OutboxMessages", ["SentAt", "NextAttemptAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("OutboxMessages");
        migrationBuilder.DropColumn("RoutingVersion", "Tenants");
    }
}
