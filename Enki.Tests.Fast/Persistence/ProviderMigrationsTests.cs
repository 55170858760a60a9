using Enki.Infrastructure.Persistence.Postgres;
using Enki.Infrastructure.Persistence;
using Enki.Infrastructure.Persistence.Sqlite;
using Enki.Infrastructure.Persistence.SqlServer;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Enki.Tests.Support;

namespace Enki.Tests.Persistence;

public sealed class ProviderMigrationsTests
{
    // No SQL Server can run here: the model is built and scripted without opening a connection.
    private static SqlServerEnkiDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerEnkiDbContext>()
            .UseSqlServer("Server=unused;Database=Enki;Trusted_Connection=True;TrustServerCertificate=True").Options);

    private static PostgresEnkiDbContext Postgres(string connectionString = "Host=unused;Database=enki") =>
        new(new DbContextOptionsBuilder<PostgresEnkiDbContext>().UseNpgsql(connectionString).Options);

    private static SqliteEnkiDbContext Sqlite(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteEnkiDbContext>().UseSqlite(connectionString).Options);

    [Fact]
    public void Sql_server_model_builds_and_its_migration_script_generates()
    {
        using var db = SqlServer();

        var create = db.Database.GenerateCreateScript();
        var migrations = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.NotNull(create);
        Assert.Contains("__EFMigrationsHistory", migrations);
        Assert.Contains("IF NOT EXISTS", migrations); // idempotent T-SQL, safe to hand to a DBA
    }

    [Fact]
    public void Every_provider_has_migrations_matching_the_current_model()
    {
        using var sqlServer = SqlServer();
        using var postgres = Postgres();
        using var sqlite = Sqlite("Data Source=:memory:");

        Assert.False(sqlServer.Database.HasPendingModelChanges(), "run dotnet ef migrations add for SqlServerEnkiDbContext");
        Assert.False(postgres.Database.HasPendingModelChanges(), "run dotnet ef migrations add for PostgresEnkiDbContext");
        Assert.False(sqlite.Database.HasPendingModelChanges(), "run dotnet ef migrations add for SqliteEnkiDbContext");
    }

    [Fact]
    public void Every_provider_carries_the_same_migrations_in_the_same_order()
    {
        using var sqlServer = SqlServer();
        using var postgres = Postgres();
        using var sqlite = Sqlite("Data Source=:memory:");

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(id => id[15..]);

        Assert.NotEmpty(Names(sqlite));
        Assert.Equal(Names(sqlite), Names(sqlServer));
        Assert.Equal(Names(sqlite), Names(postgres));
    }

    [SkippableFact]
    public async Task Postgres_database_migrates_to_the_latest_migration_and_again_without_change()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        await using var db = Postgres(connectionString);

        await db.Database.MigrateAsync();
        await db.Database.MigrateAsync(); // a second node starting on the same database finds nothing to do

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Set<Enki.Infrastructure.Events.EventStreamHead>().Select(h => h.LastSequence).SingleAsync());

        // A busy hour's national rows (5 kB that do not compress) stay in their table's pages, not in its TOAST table.
        var bytes = new byte[5_000];
        Random.Shared.NextBytes(bytes);
        var hour = new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "IndicatorGridNationalHours" ("Hour", "Squares") VALUES ({0}, {1}); INSERT INTO "IndicatorCoverageNationalHours" ("Hour", "Durations") VALUES ({0}, {1});""",
            hour, bytes);
        foreach (var table in new[] { "IndicatorGridNationalHours", "IndicatorCoverageNationalHours" })
        {
            Assert.Equal(0L, await db.Database.SqlQueryRaw<long>(
                """SELECT pg_relation_size(reltoastrelid) AS "Value" FROM pg_class WHERE relname = {0}""", table).SingleAsync());
        }
    }

    [Fact]
    public async Task Sqlite_file_database_migrates_to_the_latest_migration()
    {
        var file = Path.Combine(Path.GetTempPath(), $"enki-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = Sqlite($"Data Source={file}"))
            {
                await db.Database.MigrateAsync();

                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());

                // SQLite plans by its statistics: the migrations analyse the file once (the marks table holds their rows), and a
                // file without any is analysed before it serves.
                Assert.True(await HasStatisticsAsync(db));
                await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_stat1");
                Assert.False(await HasStatisticsAsync(db));
                await SqliteStatistics.KeepAsync(db, CancellationToken.None);
                Assert.True(await HasStatisticsAsync(db));

                // An index added later (as a migration does) is analysed at the next start over its whole table: two values on
                // 20,000 rows are 10,000 rows each, which a sampled analysis (plain PRAGMA optimize) puts far lower.
                await db.Database.ExecuteSqlRawAsync("""
                    CREATE TABLE "Probe" ("Flag" INTEGER NOT NULL);
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999) INSERT INTO "Probe" SELECT i % 2 FROM n;
                    CREATE INDEX "IX_Probe_Flag" ON "Probe" ("Flag");
                    """);
                await SqliteStatistics.KeepAsync(db, CancellationToken.None);
                Assert.Equal("20000 10000", await db.Database.SqlQueryRaw<string>(
                    "SELECT stat AS \"Value\" FROM sqlite_stat1 WHERE idx = 'IX_Probe_Flag'").SingleAsync());
            }
            Assert.True(new FileInfo(file).Length > 0);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static async Task<bool> HasStatisticsAsync(SqliteEnkiDbContext db) =>
        await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync() > 0
        && await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_stat1").SingleAsync() > 0;
}
