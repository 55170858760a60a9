using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// What the pre-aggregates built apart in one pass (<see cref="OpenedHourMark.OwnFirstBuilds"/>) share: whether their mark waits, and
/// the end of the pass, every row replaced and the mark deleted in one transaction (a save meanwhile left its own hour marks).
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

    public static Task ReplaceAllAsync<TRow>(EnkiDbContext db, IReadOnlyCollection<TRow> rows, OpenedHourMark mark, CancellationToken cancellationToken)
        where TRow : class =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.Set<TRow>().ExecuteDeleteAsync(token);
            foreach (var chunk in rows.Chunk(RowsPerSave))
            {
                db.Set<TRow>().AddRange(chunk);
                await db.SaveChangesAsync(token);
                db.ChangeTracker.Clear();
            }
            await db.OpenedHourMarks.Where(m => m.Id == mark.Id).ExecuteDeleteAsync(token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
}
