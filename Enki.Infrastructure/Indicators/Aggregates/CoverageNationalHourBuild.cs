using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The first build of <see cref="CoverageNationalHour"/> (<see cref="OpenedHourMark.CoverageNationalEverything"/>): every hour's row from
/// one pass over the rows of <see cref="CoverageHour"/>, the same way the refresh packs an hour's rows, then all rows replaced and the
/// mark deleted (<see cref="OwnFirstBuild"/>). Only the refresh writes those rows, under the same job lock, and it rewrites the national
/// row of each hour it rewrites.
/// </summary>
internal static class CoverageNationalHourBuild
{
    public static Task<bool> PendingAsync(EnkiDbContext db, CancellationToken cancellationToken) =>
        OwnFirstBuild.PendingAsync(db, OpenedHourMark.CoverageNationalEverything, cancellationToken);

    public static async Task RunAsync(IDbContextFactory<EnkiDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = new List<CoverageNationalHour>();
        var hour = new List<CoverageHour>();
        await foreach (var row in db.CoverageHours.AsNoTracking().OrderBy(h => h.Hour).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (hour.Count > 0 && hour[0].Hour != row.Hour)
            {
                rows.Add(CoverageNationalHour.Of(hour[0].Hour, hour)!);
                hour.Clear();
            }
            hour.Add(row);
        }
        if (hour.Count > 0)
        {
            rows.Add(CoverageNationalHour.Of(hour[0].Hour, hour)!);
        }
        await OwnFirstBuild.ReplaceRowsAsync(db, rows, cancellationToken);
        await OwnFirstBuild.FinishAsync(db, OpenedHourMark.CoverageNationalEverything, cancellationToken);
    }
}
