using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>
/// Tenants with their subscription, sites, the public number pool, lines and the three kinds
/// of portal accounts. Written by hand (no EF design-time tooling here) for both SQLite and
/// PostgreSQL: column types come from each provider's mapping of the CLR type.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000001_InitialConfiguration")]
public sealed class InitialConfiguration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Tenants",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CompanyName = table.Column<string>(maxLength: 200, nullable: false),
                LegalId = table.Column<string>(maxLength: 50, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                TimeZone = table.Column<string>(maxLength: 64, nullable: false),
                SipDomain = table.Column<string>(maxLength: 253, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Tenants", x => x.Id));
        migrationBuilder.CreateIndex("IX_Tenants_SipDomain", "Tenants", "SipDomain", unique: true);

        migrationBuilder.CreateTable(
            name: "PlanQuotas",
            columns: table => new
            {
                TenantId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Quantity = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanQuotas", x => new { x.TenantId, x.Kind });
                table.ForeignKey("FK_PlanQuotas_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OptionQuotas",
            columns: table => new
            {
                TenantId = table.Column<Guid>(nullable: false),
                Option = table.Column<string>(maxLength: 30, nullable: false),
                Quantity = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OptionQuotas", x => new { x.TenantId, x.Option });
                table.ForeignKey("FK_OptionQuotas_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Sites",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Street = table.Column<string>(maxLength: 200, nullable: true),
                Postcode = table.Column<string>(maxLength: 10, nullable: true),
                City = table.Column<string>(maxLength: 100, nullable: true),
                Zone = table.Column<string>(maxLength: 20, nullable: false),
                IsMobileLinesSite = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Sites", x => x.Id);
                table.ForeignKey("FK_Sites_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Sites_TenantId_Name", "Sites", ["TenantId", "Name"], unique: true);

        migrationBuilder.CreateTable(
            name: "PoolNumbers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 16, nullable: false),
                Zone = table.Column<string>(maxLength: 20, nullable: false),
                AssignedTenantId = table.Column<Guid>(nullable: true),
                AssignedAt = table.Column<DateTime>(nullable: true),
                QuarantinedUntil = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_PoolNumbers", x => x.Id));
        migrationBuilder.CreateIndex("IX_PoolNumbers_Number", "PoolNumbers", "Number", unique: true);
        migrationBuilder.CreateIndex("IX_PoolNumbers_Zone_AssignedTenantId", "PoolNumbers", ["Zone", "AssignedTenantId"]);

        migrationBuilder.CreateTable(
            name: "Lines",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                SiteId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                PublicNumber = table.Column<string>(maxLength: 16, nullable: false),
                ShortNumber = table.Column<string>(maxLength: 6, nullable: true),
                FirstName = table.Column<string>(maxLength: 100, nullable: true),
                LastName = table.Column<string>(maxLength: 100, nullable: true),
                Name = table.Column<string>(maxLength: 100, nullable: true),
                Email = table.Column<string>(maxLength: 254, nullable: true),
                SipUsername = table.Column<string>(maxLength: 64, nullable: true),
                SipPassword = table.Column<string>(maxLength: 64, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Lines", x => x.Id);
                table.ForeignKey("FK_Lines_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Lines_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Lines_PublicNumber", "Lines", "PublicNumber", unique: true);
        migrationBuilder.CreateIndex("IX_Lines_Email", "Lines", "Email", unique: true);
        migrationBuilder.CreateIndex("IX_Lines_TenantId_ShortNumber", "Lines", ["TenantId", "ShortNumber"], unique: true);
        migrationBuilder.CreateIndex("IX_Lines_TenantId_SipUsername", "Lines", ["TenantId", "SipUsername"], unique: true);
        migrationBuilder.CreateIndex("IX_Lines_SiteId", "Lines", "SiteId");

        migrationBuilder.CreateTable(
            name: "OperatorAccounts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                DisplayName = table.Column<string>(maxLength: 100, nullable: false),
                PasswordHash = table.Column<string>(maxLength: 200, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_OperatorAccounts", x => x.Id));
        migrationBuilder.CreateIndex("IX_OperatorAccounts_Email", "OperatorAccounts", "Email", unique: true);

        migrationBuilder.CreateTable(
            name: "ManagerAccounts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                DisplayName = table.Column<string>(maxLength: 100, nullable: false),
                PasswordHash = table.Column<string>(maxLength: 200, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ManagerAccounts", x => x.Id);
                table.ForeignKey("FK_ManagerAccounts_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ManagerAccounts_Email", "ManagerAccounts", "Email", unique: true);
        migrationBuilder.CreateIndex("IX_ManagerAccounts_TenantId", "ManagerAccounts", "TenantId");

        migrationBuilder.CreateTable(
            name: "UserAccounts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                LineId = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                PasswordHash = table.Column<string>(maxLength: 200, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UserAccounts", x => x.Id);
                table.ForeignKey("FK_UserAccounts_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_UserAccounts_Lines_LineId", x => x.LineId, "Lines", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_UserAccounts_Email", "UserAccounts", "Email", unique: true);
        migrationBuilder.CreateIndex("IX_UserAccounts_LineId", "UserAccounts", "LineId", unique: true);
        migrationBuilder.CreateIndex("IX_UserAccounts_TenantId", "UserAccounts", "TenantId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "UserAccounts", "ManagerAccounts", "OperatorAccounts", "Lines", "PoolNumbers", "Sites", "OptionQuotas", "PlanQuotas", "Tenants" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
