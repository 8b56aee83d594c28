using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>
/// Line services (SPEC section 4) as one JSON document per line. Existing lines keep NULL,
/// which the line reads as its kind's defaults, so no default is frozen into this migration.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261202000002_LineServices")]
public sealed class LineServices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "Services", table: "Lines", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "Services", table: "Lines");
}
