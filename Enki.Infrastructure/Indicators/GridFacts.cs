using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// Incidents opened in the period placed on the 1 km Lambert-93 grid: the database narrows them (territory, jurisdiction, exercise,
/// opening time, a point), the projection runs here, once per incident, counted by square and family (for the nation, from the counts
/// its national level already made, <see cref="GridNationalHour"/>); their number alone is counted without placing them.
/// </summary>
internal static class GridFacts
{
    public static async Task<IReadOnlyList<IndicatorFact>> OpenedAsync(IndicatorFactQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = (query.From, query.To);
        if (query.Request.Representation == IndicatorRepresentation.Number)
        {
            // The number needs no square: the openings (from their pre-aggregate) less those without a point, which a partial index
            // holds apart (a point has both coordinates or none), read before the territory's filter. One negative fact per family, so
            // a category asked narrows both.
            var exercise = false;
            var unplaced = await query.Real
                .AmongThoseOf(query.Db.Incidents.Where(i => i.IsExercise == exercise && i.OpenedAt >= from && i.OpenedAt < to && i.Latitude == null))
                .GroupBy(i => i.NatureFamily).Select(g => new { Family = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            return [.. await IncidentFacts.OpenedAsync(query, cancellationToken),
                .. unplaced.Select(u => new IndicatorFact(query.Request.From, "", "", u.Family, [-u.Count]))];
        }
        // The map: each square and family counted while the points are read (a national year places millions of incidents on a few
        // hundred thousand squares), straight from the reader through a covering index (IX_Incidents_Placed), or for the nation from its
        // counts already made by hour (GridNationalHour) but for the partial and marked hours; only the densest squares of the category
        // asked become facts, since the map shows no more.
        var category = query.Request.Category;
        var tally = new GridTally(wholeCountry: query.GridNationalHours is not null);
        List<(DateTimeOffset From, DateTimeOffset To)> ranges = [(from, to)];
        if (query.GridNationalHours is { } national
            && await HourPlan.OfAsync(query, from, to, aggregated: true, cancellationToken, OpenedHourMark.GridNationalEverything) is { } plan)
        {
            var (firstWhole, endOfWhole, stale) = (plan.FirstWhole, plan.EndOfWhole, plan.Stale);
            var rows = national.Where(h => h.Hour >= firstWhole && h.Hour < endOfWhole && !stale.Contains(h.Hour)).Select(h => h.Squares);
            var reader = new GridSquareCounts.Reader(category);
            GridSquareCounts.Visit count = tally.Add; // one delegate for the year's rows
            await CountedWhileRead.CountAsync(rows.AsAsyncEnumerable(), squares => reader.Read(squares, count), cancellationToken);
            ranges = plan.FromIncidents;
        }
        foreach (var (rangeFrom, rangeTo) in ranges.Where(r => r.From < r.To))
        {
            var points = query.Real.Where(i => i.OpenedAt >= rangeFrom && i.OpenedAt < rangeTo && i.Latitude != null && i.Longitude != null)
                .Select(i => new { i.NatureFamily, i.Latitude, i.Longitude });
            await foreach (var point in points.ReadAsync(query.Db, cancellationToken))
            {
                var family = point.GetString(0);
                if (category is null || string.Equals(family, category, StringComparison.OrdinalIgnoreCase))
                {
                    tally.Add(family, point.GetDouble(1), point.GetDouble(2));
                }
            }
        }
        return tally.DensestFacts(query.Request.From);
    }
}
