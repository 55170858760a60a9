using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Persistence;

public sealed class SquashedHistoryTests
{
    [Fact]
    public async Task A_database_made_before_the_squash_refuses_to_start_saying_what_to_do()
    {
        var folder = Path.Combine(Path.GetTempPath(), "enki-squash-" + Guid.NewGuid().ToString("N"));
        var options = new EnkiOptions { DataPath = folder };
        var services = new ServiceCollection().AddLogging();
        services.AddEnkiPersistence(options, new DataFolder(folder, options));
        await using var provider = services.BuildServiceProvider();
        try
        {
            await using (var db = await provider.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync())
            {
                await db.Database.ExecuteSqlRawAsync("""
                    CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                    INSERT INTO "__EFMigrationsHistory" VALUES ('20261128184722_Incidents', '10.0.0');
                    """);
            }

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.MigrateEnkiDatabaseAsync());
            Assert.Contains("supprimez le dossier de données", refused.Message);

            await using var again = await provider.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
            Assert.DoesNotContain(await again.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
