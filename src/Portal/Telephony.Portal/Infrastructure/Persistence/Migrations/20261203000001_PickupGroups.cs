using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>S-PICKUP pickup groups; a line's membership is a column of the line (one group at most).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261203000001_PickupGroups")]
public sealed class PickupGroups : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PickupGroups",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                SiteId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PickupGroups", x => x.Id);
                table.ForeignKey("FK_PickupGroups_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PickupGroups_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_PickupGroups_TenantId_Name", table: "PickupGroups", columns: ["TenantId", "Name"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_PickupGroups_SiteId", table: "PickupGroups", column: "SiteId");

        migrationBuilder.AddReferenceColumn("Lines", "PickupGroupId", "PickupGroups", ReferentialAction.SetNull);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropReferenceColumn("Lines", "PickupGroupId", "PickupGroups");
        migrationBuilder.DropTable("PickupGroups");
    }
}
