using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>O-PRIVNUM: the company's external directory contacts, with their speed-dial short numbers.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261203000002_CompanyDirectory")]
public sealed class CompanyDirectory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DirectoryContacts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Number = table.Column<string>(maxLength: 16, nullable: false),
                ShortNumber = table.Column<string>(maxLength: 6, nullable: true),
                SearchText = table.Column<string>(maxLength: 300, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DirectoryContacts", x => x.Id);
                table.ForeignKey("FK_DirectoryContacts_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_DirectoryContacts_TenantId_Name", table: "DirectoryContacts", columns: ["TenantId", "Name"]);
        migrationBuilder.CreateIndex(name: "IX_DirectoryContacts_TenantId_ShortNumber", table: "DirectoryContacts", columns: ["TenantId", "ShortNumber"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("DirectoryContacts");
}
