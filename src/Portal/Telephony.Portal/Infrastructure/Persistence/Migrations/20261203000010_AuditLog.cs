using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>
/// A-AUDIT: the audit log, one table for companies' objects (tenant-owned, read through the
/// tenant filter) and one for platform objects (the operator's). Earlier changes were not
/// recorded, so both start empty.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261203000010_AuditLog")]
public sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
                ActorRole = table.Column<string>(maxLength: 20, nullable: false),
                ActorName = table.Column<string>(maxLength: 300, nullable: false),
                Action = table.Column<string>(maxLength: 20, nullable: false),
                ObjectType = table.Column<string>(maxLength: 50, nullable: false),
                ObjectId = table.Column<string>(maxLength: 100, nullable: false),
                Label = table.Column<string>(maxLength: 300, nullable: false),
                Before = table.Column<string>(nullable: true),
                After = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_TenantId_OccurredAt", table: "AuditEntries", columns: ["TenantId", "OccurredAt"]);
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_TenantId_ObjectId_OccurredAt", table: "AuditEntries", columns: ["TenantId", "ObjectId", "OccurredAt"]);

        migrationBuilder.CreateTable(
            name: "PlatformAuditEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CompanyId = table.Column<Guid>(nullable: true),
                OccurredAt = table.Column<DateTime>(nullable: false),
                ActorRole = table.Column<string>(maxLength: 20, nullable: false),
                ActorName = table.Column<string>(maxLength: 300, nullable: false),
                Action = table.Column<string>(maxLength: 20, nullable: false),
                ObjectType = table.Column<string>(maxLength: 50, nullable: false),
                ObjectId = table.Column<string>(maxLength: 100, nullable: false),
                Label = table.Column<string>(maxLength: 300, nullable: false),
                Before = table.Column<string>(nullable: true),
                After = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_PlatformAuditEntries", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_PlatformAuditEntries_CompanyId_OccurredAt", table: "PlatformAuditEntries", columns: ["CompanyId", "OccurredAt"]);
        migrationBuilder.CreateIndex(name: "IX_PlatformAuditEntries_OccurredAt", table: "PlatformAuditEntries", column: "OccurredAt");
        migrationBuilder.CreateIndex(name: "IX_PlatformAuditEntries_ObjectId_OccurredAt", table: "PlatformAuditEntries", columns: ["ObjectId", "OccurredAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PlatformAuditEntries");
        migrationBuilder.DropTable("AuditEntries");
    }
}
