using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>S-CAL calendars, their opening hours and closures as JSON documents.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261202000003_Calendars")]
public sealed class Calendars : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Calendars",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                OpeningHours = table.Column<string>(nullable: false),
                Closures = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Calendars", x => x.Id);
                table.ForeignKey("FK_Calendars_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_Calendars_TenantId_Name", table: "Calendars", columns: ["TenantId", "Name"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Calendars");
}
