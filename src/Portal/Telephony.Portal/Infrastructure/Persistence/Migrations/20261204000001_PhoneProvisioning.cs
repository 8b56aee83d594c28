using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>
/// D-PROV, D-RESYNC: the company's language (its phones' menus, N-EMAIL; existing companies
/// keep French, the default) and each line's phone status as Provisioning and CallControl
/// report it.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261204000001_PhoneProvisioning")]
public sealed class PhoneProvisioning : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Language", table: "Tenants", maxLength: 2, nullable: false, defaultValue: "fr");
        migrationBuilder.CreateTable(
            name: "DeviceStatuses",
            columns: table => new
            {
                LineId = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                LastProvisionedAt = table.Column<DateTime>(nullable: true),
                ProvisionedFrom = table.Column<string>(maxLength: 300, nullable: true),
                ProvisionedUserAgent = table.Column<string>(maxLength: 300, nullable: true),
                RegisteredFrom = table.Column<string>(maxLength: 300, nullable: true),
                RegisteredUserAgent = table.Column<string>(maxLength: 300, nullable: true),
                RegistrationReportedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DeviceStatuses", x => x.LineId);
                table.ForeignKey("FK_DeviceStatuses_Lines_LineId", x => x.LineId, "Lines", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_DeviceStatuses_TenantId", table: "DeviceStatuses", column: "TenantId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("DeviceStatuses");
        migrationBuilder.DropColumn(name: "Language", table: "Tenants");
    }
}
