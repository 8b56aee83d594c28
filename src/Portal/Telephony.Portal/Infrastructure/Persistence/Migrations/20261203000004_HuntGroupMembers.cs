using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>H-MEMBERS, L-GROUPS: the lines of each hunt group, in order, present or not.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261203000004_HuntGroupMembers")]
public sealed class HuntGroupMembers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "HuntGroupMembers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                HuntGroupId = table.Column<Guid>(nullable: false),
                LineId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Present = table.Column<bool>(nullable: false),
                AddedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HuntGroupMembers", x => x.Id);
                table.ForeignKey("FK_HuntGroupMembers_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_HuntGroupMembers_Lines_HuntGroupId", x => x.HuntGroupId, "Lines", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_HuntGroupMembers_Lines_LineId", x => x.LineId, "Lines", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_HuntGroupMembers_TenantId_HuntGroupId_LineId", table: "HuntGroupMembers", columns: ["TenantId", "HuntGroupId", "LineId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_HuntGroupMembers_HuntGroupId", table: "HuntGroupMembers", column: "HuntGroupId");
        migrationBuilder.CreateIndex(name: "IX_HuntGroupMembers_LineId", table: "HuntGroupMembers", column: "LineId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("HuntGroupMembers");
}
