namespace Telephony.ServiceDefaults.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section <c>Database</c>: which engine every service store of this process uses.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for SQLite files and other local data (embedded mode).</summary>
    public string DataFolder { get; set; } = "data";
}
