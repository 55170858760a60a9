using Enki.Infrastructure.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Enki.Tests.Support;

/// <summary>The database engine a harness stores in: the embedded SQLite file or a PostgreSQL server.</summary>
public enum TestEngine
{
    Sqlite,
    PostgreSql,
}

public static class TestEngines
{
    /// <summary>
    /// The database settings for a harness: SQLite's default file in the harness's data folder, or a
    /// new database on the test run's PostgreSQL (a skip when it is missing and not required).
    /// </summary>
    public static DatabaseOptions Database(this TestEngine engine) => engine switch
    {
        TestEngine.Sqlite => new DatabaseOptions(),
        // Off the test's synchronisation context: harnesses are built in constructors.
        _ => new DatabaseOptions
        {
            Provider = DatabaseProvider.PostgreSql,
            ConnectionString = Task.Run(PostgresServer.CreateDatabaseAsync).GetAwaiter().GetResult(),
        },
    };

    /// <summary>Closes the pooled connections a disposed harness leaves, so files can go and servers are not exhausted.</summary>
    public static void ClearPools()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }
}
