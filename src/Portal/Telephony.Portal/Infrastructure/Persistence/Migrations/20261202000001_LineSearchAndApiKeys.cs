using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>
/// Line search text (O-LINES) and API keys (A-API). Existing lines get their search text
/// from SQL that both engines run alike: lower case, French accents folded by hand
/// (SQLite's lower() only knows ASCII), national and E.164 numbers.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261202000001_LineSearchAndApiKeys")]
public sealed class LineSearchAndApiKeys : Migration
{
    private static readonly (string From, string To)[] Accents =
    [
        ("à", "a"), ("â", "a"), ("ä", "a"), ("á", "a"), ("À", "a"), ("Â", "a"), ("Ä", "a"),
        ("ç", "c"), ("Ç", "c"),
        ("é", "e"), ("è", "e"), ("ê", "e"), ("ë", "e"), ("É", "e"), ("È", "e"), ("Ê", "e"), ("Ë", "e"),
        ("î", "i"), ("ï", "i"), ("í", "i"), ("Î", "i"), ("Ï", "i"),
        ("ô", "o"), ("ö", "o"), ("ó", "o"), ("Ô", "o"), ("Ö", "o"),
        ("ù", "u"), ("û", "u"), ("ü", "u"), ("ú", "u"), ("Ù", "u"), ("Û", "u"), ("Ü", "u"),
        ("ÿ", "y"), ("ñ", "n"), ("Ñ", "n"),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "SearchText", table: "Lines", maxLength: 800, nullable: false, defaultValue: "");

        var text = """COALESCE("FirstName", '') || ' ' || COALESCE("LastName", '') || ' ' || COALESCE("Name", '') || ' ' || COALESCE("Email", '') || ' 0' || SUBSTR("PublicNumber", 4) || ' ' || "PublicNumber" || ' ' || COALESCE("ShortNumber", '')""";
        var folded = Accents.Aggregate($"LOWER({text})", (sql, accent) => $"REPLACE({sql}, '{accent.From}', '{accent.To}')");
        migrationBuilder.Sql($"""UPDATE "Lines" SET "SearchText" = {folded}""");

        migrationBuilder.CreateTable(
            name: "ManagerApiKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                SecretHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ManagerApiKeys", x => x.Id);
                table.ForeignKey("FK_ManagerApiKeys_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ManagerApiKeys_TenantId", table: "ManagerApiKeys", column: "TenantId");

        migrationBuilder.CreateTable(
            name: "OperatorApiKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                SecretHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OperatorApiKeys", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("OperatorApiKeys");
        migrationBuilder.DropTable("ManagerApiKeys");
        migrationBuilder.DropColumn(name: "SearchText", table: "Lines");
    }
}
