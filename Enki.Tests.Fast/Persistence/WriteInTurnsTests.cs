using System.Collections.Concurrent;
using Enki.Infrastructure.Indicators.Aggregates;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Events;
using Microsoft.EntityFrameworkCore;

namespace Enki.Tests.Persistence;

/// <summary>
/// A bulk job's write transactions on a SQLite file leave the lock to a writer kept waiting (the first builds of the pre-aggregates
/// at 5 M incidents starved the event handlers' leases, whose updates failed after 30 s).
/// </summary>
public sealed class WriteInTurnsTests
{
    /// <summary>Long enough for the waiter's busy handler to reach its longest sleep (100 ms).</summary>
    private static readonly TimeSpan HeldFor = TimeSpan.FromMilliseconds(500);

    private static readonly DateTimeOffset Hour = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_writer_kept_waiting_by_one_transaction_writes_before_the_next_one()
    {
        await using var store = await new EventStore().InitializeAsync();
        var order = new ConcurrentQueue<string>();
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var job = await store.DbFactory.CreateDbContextAsync();
        var bulk = Task.Run(async () =>
        {
            foreach (var turn in new[] { "job 1", "job 2" })
            {
                await job.WriteInTurnAsync(async token =>
                {
                    await MarkAsync(job, token); // takes the write lock
                    order.Enqueue(turn);
                    holding.TrySetResult();
                    await Task.Delay(HeldFor, token);
                }, CancellationToken.None);
            }
        });

        await holding.Task;
        await using (var writer = await store.DbFactory.CreateDbContextAsync())
        {
            await MarkAsync(writer, CancellationToken.None); // waits in SQLite's busy handler
            order.Enqueue("writer");
        }
        await bulk;

        Assert.Equal(["job 1", "writer", "job 2"], order);
        Assert.Equal(3, await store.QueryAsync(db => db.OpenedHourMarks.CountAsync(m => m.Hour == Hour)));
    }

    private static async Task MarkAsync(EnkiDbContext db, CancellationToken cancellationToken)
    {
        db.OpenedHourMarks.Add(new OpenedHourMark { Hour = Hour });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
