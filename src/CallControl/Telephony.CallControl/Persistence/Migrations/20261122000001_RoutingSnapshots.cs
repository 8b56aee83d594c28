using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.CallControl.Persistence.Migrations;

[DbContext(typeof(CallControlDbContext))]
[Migration("20261122000001_RoutingSnapshots")]
public sealed class RoutingSnapshots : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "RoutingSnapshots",
            columns: table => new
            {
                TenantId = table.Column<Guid>(nullable: false),
                Version = table.Column<long>(nullable: false),
                Payload = table.Column<string>(nullable: false),
                ReceivedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_RoutingSnapshots", x => x.TenantId));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("RoutingSnapshots");
}
