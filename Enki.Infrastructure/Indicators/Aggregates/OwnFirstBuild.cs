using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// What the pre-aggregates built apart in one pass (<see cref="OpenedHourMark.OwnFirstBuilds"/>) share: whether their mark waits, and
/// the end of the pass, every row replaced and then the mark deleted (a save meanwhile left its own hour marks).
/// </summary>
internal static class OwnFirstBuild
{
    private const int RowsPerSave = 10_000;

    public static async Task<bool> PendingAsync(IDbContextFactory<EnkiDbContext> dbFactory, OpenedHourMark mark, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PendingAsync(db, mark, cancellationToken);
    }

    public static Task<bool> PendingAsync(EnkiDbContext db, OpenedHourMark mark, CancellationToken cancellationToken) =>
        db.OpenedHourMarks.AnyAsync(m => m.Id == mark.Id, cancellationToken);

    /// <summary>
    /// Every row of one table replaced; the mark is deleted after (<see cref="FinishAsync"/>). Readers take the incidents while the mark
    /// is there, so the rows are written in turns, a chunk a transaction, and other writers get the lock between them
    /// (<see cref="WriteInTurns"/>; a year of 5 M incidents holds 1.3 M resource rows). A build stopped midway leaves its mark, and the
    /// next run starts it again.
    /// </summary>
    public static async Task ReplaceRowsAsync<TRow>(EnkiDbContext db, IReadOnlyCollection<TRow> rows, CancellationToken cancellationToken)
        where TRow : class
    {
        await db.WriteInTurnAsync(token => db.Set<TRow>().ExecuteDeleteAsync(token), cancellationToken);
        foreach (var chunk in rows.Chunk(RowsPerSave))
        {
            await db.WriteInTurnAsync(async token =>
            {
                db.Set<TRow>().AddRange(chunk);
                await db.SaveChangesAsync(token);
                db.ChangeTracker.Clear();
            }, cancellationToken);
        }
    }

    /// <summary>The build's mark deleted: from now on readers trust its rows.</summary>
    public static Task FinishAsync(EnkiDbContext db, OpenedHourMark mark, CancellationToken cancellationToken) =>
        db.WriteInTurnAsync(token => db.OpenedHourMarks.Where(m => m.Id == mark.Id).ExecuteDeleteAsync(token), cancellationToken);
}
