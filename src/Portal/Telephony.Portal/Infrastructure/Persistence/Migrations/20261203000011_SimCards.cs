using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>L-HW for mobile lines: the SIM card's ICCID (unique platform-wide), PIN and PUK.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261203000011_SimCards")]
public sealed class SimCards : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "SimIccid", table: "Lines", maxLength: 20, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SimPin", table: "Lines", maxLength: 8, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SimPuk", table: "Lines", maxLength: 8, nullable: true);
        migrationBuilder.CreateIndex(name: "IX_Lines_SimIccid", table: "Lines", column: "SimIccid", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Lines_SimIccid", table: "Lines");
        migrationBuilder.DropColumn(name: "SimPuk", table: "Lines");
        migrationBuilder.DropColumn(name: "SimPin", table: "Lines");
        migrationBuilder.DropColumn(name: "SimIccid", table: "Lines");
    }
}
