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
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (applied.Count > 0 && !applied.Intersect(db.Database.GetMigrations()).Any())
        {
            // The pre-production migrations were squashed into one: a database made before that cannot be brought forward.
            throw new InvalidOperationException(
                "La base de données a été créée par une version d'Enki antérieure au regroupement des migrations (" +
                $"{applied[^1]}) : elle ne peut pas être mise à jour. En développement, supprimez le dossier de données (Enki:DataPath) et relancez.");
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the dashboards read while the intake job writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await SqliteStatistics.KeepAsync(db, cancellationToken);
        }
        logger.LogInformation("Database {Provider} ready, {Count} migration(s) applied: {Migrations}",
            db.Database.ProviderName, pending.Count, pending);
    }
}
