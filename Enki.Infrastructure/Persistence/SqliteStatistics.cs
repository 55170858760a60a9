using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence;

/// <summary>
/// SQLite chooses its indexes by the statistics ANALYZE writes. Without them it guesses, and guesses wrong on a year of traffic: it
/// takes the exercise flag's index for the resources' spans or the closings' ids (5–11 s a national indicator instead of 0.05–0.3 s,
/// measured on a million incidents). So a file without statistics is analysed once, before it serves, and <c>PRAGMA optimize</c>
/// (which analyses again a table grown or shrunk tenfold since) runs at each start and every day.
/// </summary>
public static class SqliteStatistics
{
    public static async Task KeepAsync(EnkiDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }
        var analysed = await db.Database.SqlQueryRaw<int>(
            "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync(cancellationToken) > 0;
        if (!analysed || await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_stat1").SingleAsync(cancellationToken) == 0)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        }
        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
    }
}
