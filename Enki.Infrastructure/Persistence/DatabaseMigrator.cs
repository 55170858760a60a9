using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Persistence;

public static class DatabaseMigrator
{
    /// <summary>Brings the database to the latest migration of its provider before the app serves anyone.</summary>
    public static async Task MigrateEnkiDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();
        var logger = services.GetRequiredService<ILogger<EnkiDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the dashboards read while the intake job writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        logger.LogInformation("Database {Provider} ready, {Count} migration(s) applied: {Migrations}",
            db.Database.ProviderName, pending.Count, pending);
    }
}
