using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.Provisioning.Persistence.Migrations;

/// <summary>D-PROV, D-SECURE: tenants' device snapshots, the phones with their tokens and contact log, the outbox.</summary>
[DbContext(typeof(ProvisioningDbContext))]
[Migration("20261204000001_Devices")]
public sealed class Devices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "TenantDeviceSets",
            columns: table => new
            {
                TenantId = table.Column<Guid>(nullable: false),
                Version = table.Column<long>(nullable: false),
                Suspended = table.Column<bool>(nullable: false),
                SipDomain = table.Column<string>(maxLength: 253, nullable: false),
                Language = table.Column<string>(maxLength: 2, nullable: false),
                TimeZone = table.Column<string>(maxLength: 64, nullable: false),
                Directory = table.Column<string>(nullable: false),
                ReceivedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TenantDeviceSets", x => x.TenantId));

        migrationBuilder.CreateTable(
            name: "Devices",
            columns: table => new
            {
                Mac = table.Column<string>(maxLength: 12, nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                LineId = table.Column<Guid>(nullable: false),
                Assignment = table.Column<string>(nullable: false),
                Fingerprint = table.Column<string>(maxLength: 64, nullable: false),
                Token = table.Column<string>(maxLength: 64, nullable: false),
                AssignedAt = table.Column<DateTime>(nullable: false),
                ClaimedAt = table.Column<DateTime>(nullable: true),
                LastProvisionedAt = table.Column<DateTime>(nullable: true),
                LastProvisionedFrom = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Devices", x => x.Mac));
        migrationBuilder.CreateIndex(name: "IX_Devices_Token", table: "Devices", column: "Token", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Devices_TenantId_LineId", table: "Devices", columns: ["TenantId", "LineId"]);

        migrationBuilder.CreateOutboxTable();
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("OutboxMessages");
        migrationBuilder.DropTable("Devices");
        migrationBuilder.DropTable("TenantDeviceSets");
    }
}
