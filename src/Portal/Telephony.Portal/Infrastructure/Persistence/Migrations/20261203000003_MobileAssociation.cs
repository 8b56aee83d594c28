using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>L-MOBILE: a line's associated mobile line, the association's state and when it was asked for.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261203000003_MobileAssociation")]
public sealed class MobileAssociation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddReferenceColumn("Lines", "MobileLineId", "Lines", ReferentialAction.SetNull);
        migrationBuilder.AddColumn<string>(name: "MobileAssociation", table: "Lines", maxLength: 10, nullable: false, defaultValue: "None");
        migrationBuilder.AddColumn<DateTime>(name: "MobileAssociationRequestedAt", table: "Lines", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "MobileAssociationRequestedAt", table: "Lines");
        migrationBuilder.DropColumn(name: "MobileAssociation", table: "Lines");
        migrationBuilder.DropReferenceColumn("Lines", "MobileLineId", "Lines");
    }
}
