using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.CallControl.Persistence.Migrations;

/// <summary>V-MWI: each voicemail box's message counts, so a restarted instance lights the phones' LEDs truthfully.</summary>
[DbContext(typeof(CallControlDbContext))]
[Migration("20261205000001_VoicemailBoxes")]
public sealed class VoicemailBoxes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "VoicemailBoxes",
            columns: table => new
            {
                TenantId = table.Column<Guid>(nullable: false),
                BoxId = table.Column<Guid>(nullable: false),
                Version = table.Column<long>(nullable: false),
                NewMessages = table.Column<int>(nullable: false),
                SavedMessages = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_VoicemailBoxes", x => new { x.TenantId, x.BoxId }));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("VoicemailBoxes");
}
