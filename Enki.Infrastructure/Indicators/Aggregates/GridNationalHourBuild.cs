using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The first build of <see cref="GridNationalHour"/> (<see cref="OpenedHourMark.GridNationalEverything"/>): every hour's row from one pass
/// over the placed incidents in the order of their opening (the placed index's), packed as the refresh packs an hour, then all rows
/// replaced and the mark deleted (<see cref="OwnFirstBuild"/>). A save meanwhile marks its hour, which the next refresh rewrites.
/// </summary>
internal static class GridNationalHourBuild
{
    public static async Task RunAsync(IDbContextFactory<EnkiDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = new List<GridNationalHour>();
        var (hour, points) = (DateTimeOffset.MinValue, new List<GridSquareCounts.Point>());
        var placed = GridNationalHour.Placed(db).OrderBy(i => i.OpenedAt)
            .Select(i => new { i.OpenedAt, i.NatureFamily, Latitude = i.Latitude!.Value, Longitude = i.Longitude!.Value });
        await foreach (var incident in placed.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var opened = OpenedHour.HourOf(incident.OpenedAt);
            if (opened != hour && GridNationalHour.Of(hour, points) is { } row)
            {
                rows.Add(row);
                points.Clear();
            }
            hour = opened;
            points.Add(new GridSquareCounts.Point(incident.NatureFamily, incident.Latitude, incident.Longitude));
        }
        if (GridNationalHour.Of(hour, points) is { } last)
        {
            rows.Add(last);
        }
        await OwnFirstBuild.ReplaceRowsAsync(db, rows, cancellationToken);
        await OwnFirstBuild.FinishAsync(db, OpenedHourMark.GridNationalEverything, cancellationToken);
    }
}
