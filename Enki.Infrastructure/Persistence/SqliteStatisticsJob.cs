using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence;

/// <summary>Keeps SQLite's statistics in step with a store that grows all day (<see cref="SqliteStatistics"/>); nothing on the other providers.</summary>
public sealed class SqliteStatisticsJob(IDbContextFactory<EnkiDbContext> dbFactory)
{
    public const string RecurringId = "statistiques-sqlite";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SqliteStatistics.KeepAsync(db, cancellationToken);
    }
}
