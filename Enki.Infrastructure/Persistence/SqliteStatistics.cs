using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence;

/// <summary>
/// SQLite chooses its indexes by the statistics ANALYZE writes. Without them it guesses, and guesses wrong on a year of traffic: it
/// takes the exercise flag's index for the resources' spans or the closings' ids (5–11 s a national indicator instead of 0.05–0.3 s,
/// measured on a million incidents). So a file without statistics is analysed once, before it serves, and <c>PRAGMA optimize</c>
/// (which analyses again a table grown or shrunk tenfold since, or with an index never analysed) runs at each start and every day.
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
        // Not the plain « PRAGMA optimize »: since SQLite 3.46 it analyses under a temporary limit of a few hundred rows per index,
        // whose estimates made the exercise flag (two values on a million rows) look as selective as an instant. Measured when a
        // migration added an index that it then analysed so: the resources' national figures went from 0.2 s to 8 s. 0x10002 analyses
        // whole tables, only those that need it (an index never analysed, a table grown or shrunk tenfold since), every table checked.
        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
    }
}
