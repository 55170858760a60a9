using Enki.Domain.Incidents;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The national level of the 1 km grid (« densité au carreau de 1 km »): one hour's real incidents of all of France that have a point,
/// counted by family and square in one row (<see cref="GridSquareCounts"/>), for the nation's grid map. A national year at 5 M incidents
/// was 4.85 M points to read and project for each map, about 6 s; here it is at most 8,760 rows of counts already made. Written with
/// its hour of <see cref="OpenedHour"/> (the refresh, in the same transaction; the first build, <see cref="OpenedHourMark.GridNationalEverything"/>,
/// before its mark goes), and trusted for the same hours: a save marks the opening hour of any real incident it changes, its point
/// included. No row for an hour without a placed incident.
/// </summary>
public sealed class GridNationalHour
{
    public DateTimeOffset Hour { get; set; }

    /// <summary>The hour's incidents by family and square (<see cref="GridSquareCounts.Pack"/>).</summary>
    public byte[] Squares { get; set; } = [];

    /// <summary>The national row of one hour's placed incidents; null for none.</summary>
    public static GridNationalHour? Of(DateTimeOffset hour, IReadOnlyCollection<GridSquareCounts.Point> points) =>
        points.Count == 0 ? null : new GridNationalHour { Hour = hour, Squares = GridSquareCounts.Pack(points) };

    /// <summary>The real incidents that have a point (the placed index's rows).</summary>
    internal static IQueryable<Incident> Placed(EnkiDbContext db)
    {
        var exercise = false;
        return db.Incidents.AsNoTracking().Where(i => i.IsExercise == exercise && i.Latitude != null && i.Longitude != null);
    }

    /// <summary>An hour's national row from its incidents; null for none.</summary>
    internal static async Task<GridNationalHour?> HourAsync(EnkiDbContext db, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        var end = hour.AddHours(1);
        return Of(hour, await Placed(db).Where(i => i.OpenedAt >= hour && i.OpenedAt < end)
            .Select(i => new GridSquareCounts.Point(i.NatureFamily, i.Latitude!.Value, i.Longitude!.Value)).ToListAsync(cancellationToken));
    }
}
