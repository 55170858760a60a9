using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence;

/// <summary>
/// A bulk job's write transactions, each followed on SQLite by a pause as long as it held the lock (at most <see cref="LongestPause"/>).
/// SQLite lets one writer at a time; a writer kept waiting sleeps in the busy handler about as long as it has already waited (up to
/// 100 ms) between tries, so a job that began its next transaction at once always took the lock first. At 5 M incidents the first
/// builds of the indicators' pre-aggregates ran for half an hour so, and the event handlers' leases and the snapshot job failed after
/// their 30 s wait. The pause lets every waiter in between two transactions (Microsoft.Data.Sqlite's own retry sleeps 150 ms). The
/// server databases lock rows, not the file, and need none.
/// </summary>
public static class WriteInTurns
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(250);

    public static async Task WriteInTurnAsync(this EnkiDbContext db, Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await write(token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
        if (db.Database.IsSqlite())
        {
            var held = Stopwatch.GetElapsedTime(started);
            await Task.Delay(held < LongestPause ? held : LongestPause, cancellationToken);
        }
    }
}
