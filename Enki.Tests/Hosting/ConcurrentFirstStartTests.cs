using Enki.Tests.Support;
using System.Reflection;
using Enki.Infrastructure.Persistence.Postgres;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Enki.Tests.Hosting;

/// <summary>
/// A whole cluster starting at once on an empty PostgreSQL database (a first deployment, a restart
/// after maintenance): every node comes up, the schema is migrated once and the demo data seeded once.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ConcurrentFirstStartTests
{
    [SkippableFact]
    public async Task Three_nodes_started_together_on_an_empty_database_all_serve_and_seed_once()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var nodes = Enumerable.Range(0, 3).Select(_ => new EnkiProcess(new Dictionary<string, string>
        {
            ["Enki__Database__Provider"] = "PostgreSql",
            ["Enki__Database__ConnectionString"] = database,
            ["Enki__DataPath"] = Directory.CreateTempSubdirectory("enki-first-start-").FullName,
            ["Enki__Demo__Enabled"] = "true",
            ["Enki__Demo__Crises"] = "true",
        })).ToList();
        try
        {
            await Task.WhenAll(nodes.Select(n => n.StartAsync(TimeSpan.FromSeconds(120))));

            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            async Task<long> CountAsync(string sql)
            {
                await using var command = new NpgsqlCommand(sql, connection);
                return (long)(await command.ExecuteScalarAsync())!;
            }
            // Each migration applied once, by one node.
            var migrations = typeof(PostgresEnkiDbContext).Assembly.GetTypes()
                .Count(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(PostgresEnkiDbContext)
                    && t.GetCustomAttribute<MigrationAttribute>() is not null);
            Assert.True(migrations >= 1);
            Assert.Equal(migrations, await CountAsync("""SELECT count(*) FROM "__EFMigrationsHistory" """));
            Assert.Equal(0, await CountAsync("""SELECT count(*) FROM (SELECT "UserName" FROM "AspNetUsers" GROUP BY "UserName" HAVING count(*) > 1) d"""));
            Assert.Equal(0, await CountAsync("""SELECT count(*) FROM (SELECT "Name" FROM "Organisations" GROUP BY "Name" HAVING count(*) > 1) d"""));
            Assert.Equal(0, await CountAsync("""SELECT count(*) FROM (SELECT "Title" FROM "Crises" GROUP BY "Title" HAVING count(*) > 1) d"""));
            Assert.True(await CountAsync("""SELECT count(*) FROM "AspNetUsers" """) >= 9, "the demo accounts were seeded");
            Assert.True(await CountAsync("""SELECT count(*) FROM "Crises" """) >= 2, "the demo crises were seeded");
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }
}
