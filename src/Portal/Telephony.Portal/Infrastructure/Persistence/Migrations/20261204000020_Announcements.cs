using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>S-ANN: announcements and their conversion by the media server (a line's recordings refer to them).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261204000020_Announcements")]
public sealed class Announcements : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Announcements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                UploadId = table.Column<Guid>(nullable: false),
                State = table.Column<string>(maxLength: 20, nullable: false),
                Duration = table.Column<TimeSpan>(nullable: true),
                ErrorCode = table.Column<string>(maxLength: 50, nullable: true),
                ErrorMessage = table.Column<string>(maxLength: 500, nullable: true),
                UploadedAt = table.Column<DateTime>(nullable: false),
                ConvertedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Announcements", x => x.Id);
                table.ForeignKey("FK_Announcements_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_Announcements_TenantId_State", table: "Announcements", columns: ["TenantId", "State"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Announcements");
}
