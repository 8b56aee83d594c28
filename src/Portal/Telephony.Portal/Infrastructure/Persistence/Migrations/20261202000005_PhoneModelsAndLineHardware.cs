using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>The phone model catalogue, seeded with common models, and each line's phone model and MAC (L-HW).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261202000005_PhoneModelsAndLineHardware")]
public sealed class PhoneModelsAndLineHardware : Migration
{
    /// <summary>The catalogue as of this migration (frozen here: later catalogue changes are the operator's).</summary>
    private static readonly (string Id, string Vendor, string Model, string Kind, int Keys, int Calls)[] Catalogue =
    [
        ("9e1e0000-0000-4000-8000-000000000001", "Yealink", "T31P", "DeskPhone", 2, 2),
        ("9e1e0000-0000-4000-8000-000000000002", "Yealink", "T43U", "DeskPhone", 21, 12),
        ("9e1e0000-0000-4000-8000-000000000003", "Yealink", "T46U", "DeskPhone", 27, 16),
        ("9e1e0000-0000-4000-8000-000000000004", "Yealink", "T54W", "DeskPhone", 27, 16),
        ("9e1e0000-0000-4000-8000-000000000005", "Yealink", "T57W", "DeskPhone", 29, 16),
        ("9e1e0000-0000-4000-8000-000000000006", "Yealink", "W60B", "DectBase", 0, 8),
        ("9e1e0000-0000-4000-8000-000000000007", "Yealink", "W70B", "DectBase", 0, 10),
        ("9e1e0000-0000-4000-8000-000000000008", "Yealink", "CP965", "ConferencePhone", 0, 2),
        ("9e1e0000-0000-4000-8000-000000000009", "Poly", "VVX 250", "DeskPhone", 4, 8),
        ("9e1e0000-0000-4000-8000-000000000010", "Poly", "VVX 450", "DeskPhone", 12, 8),
        ("9e1e0000-0000-4000-8000-000000000011", "Poly", "Edge E220", "DeskPhone", 4, 8),
        ("9e1e0000-0000-4000-8000-000000000012", "Poly", "Edge E450", "DeskPhone", 12, 8),
        ("9e1e0000-0000-4000-8000-000000000013", "Poly", "Trio 8800", "ConferencePhone", 0, 3),
        ("9e1e0000-0000-4000-8000-000000000014", "Poly", "SoundStation IP 5000", "ConferencePhone", 0, 2),
        ("9e1e0000-0000-4000-8000-000000000015", "Cisco", "SPA504G", "DeskPhone", 4, 4),
        ("9e1e0000-0000-4000-8000-000000000016", "Cisco", "IP Phone 8851 MPP", "DeskPhone", 5, 10),
        ("9e1e0000-0000-4000-8000-000000000017", "Snom", "D735", "DeskPhone", 32, 12),
        ("9e1e0000-0000-4000-8000-000000000018", "Snom", "D385", "DeskPhone", 48, 12),
        ("9e1e0000-0000-4000-8000-000000000019", "Snom", "M900", "DectBase", 0, 20),
        ("9e1e0000-0000-4000-8000-000000000020", "Grandstream", "GXP2170", "DeskPhone", 48, 12),
        ("9e1e0000-0000-4000-8000-000000000021", "Grandstream", "GRP2614", "DeskPhone", 16, 8),
        ("9e1e0000-0000-4000-8000-000000000022", "Grandstream", "DP752", "DectBase", 0, 10),
        ("9e1e0000-0000-4000-8000-000000000023", "AudioCodes", "MP-202", "Ata", 0, 2),
        ("9e1e0000-0000-4000-8000-000000000024", "Grandstream", "HT802", "Ata", 0, 2),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PhoneModels",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Vendor = table.Column<string>(maxLength: 50, nullable: false),
                Model = table.Column<string>(maxLength: 50, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                ProgrammableKeys = table.Column<int>(nullable: false),
                SimultaneousCalls = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PhoneModels", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_PhoneModels_Vendor_Model", table: "PhoneModels", columns: ["Vendor", "Model"], unique: true);

        // A hand-written migration has no target model, so the seed rows name their store types.
        string[] columnTypes = migrationBuilder.IsSqlite()
            ? ["TEXT", "TEXT", "TEXT", "TEXT", "INTEGER", "INTEGER"]
            : ["uuid", "character varying(50)", "character varying(50)", "character varying(20)", "integer", "integer"];
        foreach (var (id, vendor, model, kind, keys, calls) in Catalogue)
        {
            migrationBuilder.InsertData(
                table: "PhoneModels",
                columns: ["Id", "Vendor", "Model", "Kind", "ProgrammableKeys", "SimultaneousCalls"],
                columnTypes: columnTypes,
                values: [Guid.Parse(id), vendor, model, kind, keys, calls]);
        }

        migrationBuilder.AddReferenceColumn("Lines", "PhoneModelId", "PhoneModels", ReferentialAction.Restrict);
        migrationBuilder.AddColumn<string>(name: "Mac", table: "Lines", maxLength: 12, nullable: true);
        migrationBuilder.CreateIndex(name: "IX_Lines_Mac", table: "Lines", column: "Mac", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Lines_Mac", table: "Lines");
        migrationBuilder.DropColumn(name: "Mac", table: "Lines");
        migrationBuilder.DropReferenceColumn("Lines", "PhoneModelId", "PhoneModels");
        migrationBuilder.DropTable("PhoneModels");
    }
}
