using Microsoft.EntityFrameworkCore.Migrations;

namespace Telephony.Portal.Infrastructure.Persistence.Migrations;

/// <summary>Steps the hand-written migrations share, written once for both SQLite and PostgreSQL.</summary>
internal static class MigrationSteps
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    public static bool IsSqlite(this MigrationBuilder migrationBuilder) => migrationBuilder.ActiveProvider == Sqlite;

    /// <summary>
    /// A nullable Guid column referencing <paramref name="principalTable"/>'s Id. SQLite cannot add
    /// a foreign key to an existing table, but a new column may carry one.
    /// </summary>
    public static void AddReferenceColumn(this MigrationBuilder migrationBuilder, string table, string column, string principalTable, ReferentialAction onDelete)
    {
        var name = $"FK_{table}_{principalTable}_{column}";
        if (migrationBuilder.IsSqlite())
        {
            var action = onDelete == ReferentialAction.SetNull ? "SET NULL" : "RESTRICT";
            migrationBuilder.Sql($"""ALTER TABLE "{table}" ADD COLUMN "{column}" TEXT NULL CONSTRAINT "{name}" REFERENCES "{principalTable}" ("Id") ON DELETE {action};""");
        }
        else
        {
            migrationBuilder.AddColumn<Guid>(name: column, table: table, nullable: true);
            migrationBuilder.AddForeignKey(name: name, table: table, column: column, principalTable: principalTable, principalColumn: "Id", onDelete: onDelete);
        }

        migrationBuilder.CreateIndex(name: $"IX_{table}_{column}", table: table, column: column);
    }

    public static void DropReferenceColumn(this MigrationBuilder migrationBuilder, string table, string column, string principalTable)
    {
        migrationBuilder.DropIndex(name: $"IX_{table}_{column}", table: table);
        if (!migrationBuilder.IsSqlite())
        {
            migrationBuilder.DropForeignKey(name: $"FK_{table}_{principalTable}_{column}", table: table);
        }

        migrationBuilder.DropColumn(name: column, table: table);
    }
}
