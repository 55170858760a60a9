namespace Enki.Infrastructure.Hosting;

/// <summary>Settings under the <c>Enki</c> configuration section.</summary>
public sealed class EnkiOptions
{
    public const string Section = "Enki";

    /// <summary>Folder for every file Enki writes (SQLite database, exports). Relative paths are resolved from the content root.</summary>
    public string DataPath { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for SQL Server. For SQLite, defaults to <c>enki.db</c> in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending EF Core migrations when the application starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
