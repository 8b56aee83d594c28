using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.MediaServer.Persistence.Migrations;

/// <summary>V-BOX: voicemail boxes and messages, the job leases (the purge), the outbox.</summary>
[DbContext(typeof(MediaServerDbContext))]
[Migration("20261204000001_Voicemail")]
public sealed class Voicemail : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "VoicemailBoxes",
            columns: table => new
            {
                TenantId = table.Column<Guid>(nullable: false),
                BoxId = table.Column<Guid>(nullable: false),
                PinHash = table.Column<string>(maxLength: 200, nullable: true),
                GreetingAudioId = table.Column<Guid>(nullable: true),
                NameAudioId = table.Column<Guid>(nullable: true),
                AnsweringMachineOnly = table.Column<bool>(nullable: false),
                CallbackAfterDeposit = table.Column<bool>(nullable: false),
                Version = table.Column<long>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_VoicemailBoxes", x => new { x.TenantId, x.BoxId }));

        migrationBuilder.CreateTable(
            name: "VoicemailMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                BoxId = table.Column<Guid>(nullable: false),
                CallerNumber = table.Column<string>(maxLength: 64, nullable: true),
                CallerName = table.Column<string>(maxLength: 128, nullable: true),
                ReceivedAt = table.Column<DateTime>(nullable: false),
                DurationMilliseconds = table.Column<long>(nullable: false),
                State = table.Column<string>(maxLength: 8, nullable: false),
                HeardAt = table.Column<DateTime>(nullable: true),
                SavedAt = table.Column<DateTime>(nullable: true),
                AudioId = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_VoicemailMessages", x => x.Id));
        migrationBuilder.CreateIndex("IX_VoicemailMessages_TenantId_BoxId_State", "VoicemailMessages", ["TenantId", "BoxId", "State"]);
        migrationBuilder.CreateIndex("IX_VoicemailMessages_State_ReceivedAt", "VoicemailMessages", ["State", "ReceivedAt"]);
        migrationBuilder.CreateIndex("IX_VoicemailMessages_State_SavedAt", "VoicemailMessages", ["State", "SavedAt"]);

        migrationBuilder.CreateTable(
            name: "JobLeases",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Holder = table.Column<string>(maxLength: 100, nullable: false),
                LeasedUntil = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_JobLeases", x => x.Name));

        migrationBuilder.CreateOutboxTable();
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("OutboxMessages");
        migrationBuilder.DropTable("JobLeases");
        migrationBuilder.DropTable("VoicemailMessages");
        migrationBuilder.DropTable("VoicemailBoxes");
    }
}
