using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>One-time password links, the outgoing mail queue, and sign-in lockout counters on every account table.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261202000004_AccountLinksAndMail")]
public sealed class AccountLinksAndMail : Migration
{
    private static readonly string[] AccountTables = ["OperatorAccounts", "ManagerAccounts", "UserAccounts"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in AccountTables)
        {
            migrationBuilder.AddColumn<int>(name: "FailedSignIns", table: table, nullable: false, defaultValue: 0);
            migrationBuilder.AddColumn<DateTime>(name: "LockedUntil", table: table, nullable: true);
        }

        migrationBuilder.CreateTable(
            name: "AccountTokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                AccountId = table.Column<Guid>(nullable: false),
                AccountKind = table.Column<string>(maxLength: 20, nullable: false),
                Purpose = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                UsedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AccountTokens", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_AccountTokens_TokenHash", table: "AccountTokens", column: "TokenHash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_AccountTokens_AccountId", table: "AccountTokens", column: "AccountId");

        migrationBuilder.CreateTable(
            name: "OutgoingMails",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: true),
                To = table.Column<string>(maxLength: 254, nullable: false),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                TextBody = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: false),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutgoingMails", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_OutgoingMails_SentAt_NextAttemptAt", table: "OutgoingMails", columns: ["SentAt", "NextAttemptAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("OutgoingMails");
        migrationBuilder.DropTable("AccountTokens");
        foreach (var table in AccountTables)
        {
            migrationBuilder.DropColumn(name: "LockedUntil", table: table);
            migrationBuilder.DropColumn(name: "FailedSignIns", table: table);
        }
    }
}
