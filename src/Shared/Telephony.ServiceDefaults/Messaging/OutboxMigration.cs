using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Telephony.ServiceDefaults.Messaging;

/// <summary>The outbox table as <see cref="Outbox.MapOutbox"/> maps it, for a service's hand-written migrations.</summary>
public static class OutboxMigration
{
    public static void CreateOutboxTable(this MigrationBuilder migrationBuilder)
    {
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
}
