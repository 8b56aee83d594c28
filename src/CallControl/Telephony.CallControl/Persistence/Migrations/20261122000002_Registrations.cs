using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.CallControl.Persistence.Migrations;

/// <summary>Registrations (location service), so bindings survive a CallControl restart.</summary>
[DbContext(typeof(CallControlDbContext))]
[Migration("20261122000002_Registrations")]
public sealed class Registrations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Registrations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                LineId = table.Column<Guid>(nullable: false),
                ContactUri = table.Column<string>(maxLength: 512, nullable: false),
                CallId = table.Column<string>(maxLength: 256, nullable: false),
                CSeq = table.Column<long>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                Transport = table.Column<string>(maxLength: 8, nullable: false),
                SourceAddress = table.Column<string>(maxLength: 64, nullable: false),
                SourcePort = table.Column<int>(nullable: false),
                UserAgent = table.Column<string>(maxLength: 256, nullable: true),
                RegisteredAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Registrations", x => x.Id));
        migrationBuilder.CreateIndex("IX_Registrations_TenantId_LineId_ContactUri", "Registrations", ["TenantId", "LineId", "ContactUri"], unique: true);
        migrationBuilder.CreateIndex("IX_Registrations_ExpiresAt", "Registrations", "ExpiresAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Registrations");
}
