using Enki.Domain.Geography;
using Enki.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// Incidents opened in the period placed on the 1 km Lambert-93 grid: the database narrows them (territory, jurisdiction, exercise,
/// opening time, a point), the projection runs here, once per incident, counted by square and family; their number alone is counted
/// without placing them.
/// </summary>
internal static class GridFacts
{
    public static async Task<IReadOnlyList<IndicatorFact>> OpenedAsync(IndicatorFactQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = (query.From, query.To);
        if (query.Request.Representation == IndicatorRepresentation.Number)
        {
            // The number needs no square: the openings (from their pre-aggregate) less those without a point, which a partial index
            // holds apart (a point has both coordinates or none). One negative fact per family, so a category asked narrows both.
            var unplaced = await query.Real.Where(i => i.OpenedAt >= from && i.OpenedAt < to && i.Latitude == null)
                .GroupBy(i => i.NatureFamily).Select(g => new { Family = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            return [.. await IncidentFacts.OpenedAsync(query, cancellationToken),
                .. unplaced.Select(u => new IndicatorFact(query.Request.From, "", "", u.Family, [-u.Count]))];
        }
        // The map: each square and family is one fact with its count (a national year places a million incidents on a few hundred
        // thousand squares), the category asked kept by the caller as for every indicator.
        var squares = new Dictionary<(GridSquare, string?), int>();
        await foreach (var point in query.Real.Where(i => i.OpenedAt >= from && i.OpenedAt < to && i.Latitude != null && i.Longitude != null)
                           .Select(i => new { i.NatureFamily, Latitude = i.Latitude!.Value, Longitude = i.Longitude!.Value })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var key = (GridSquare.Of(point.Latitude, point.Longitude), point.NatureFamily);
            squares[key] = squares.GetValueOrDefault(key) + 1;
        }
        return [.. squares.Select(s => new IndicatorFact(query.Request.From, "", "", s.Key.Item2, [s.Value], s.Key.Item1.Id))];
    }

    /// <summary>At most <see cref="IndicatorCatalogue.MaxGridSquares"/> squares, the densest, in the order of their ids.</summary>
    public static IReadOnlyList<IndicatorRow> Densest(IReadOnlyList<IndicatorRow> rows) =>
        rows.Count <= IndicatorCatalogue.MaxGridSquares
            ? rows
            : [.. rows.OrderByDescending(r => r.Values[0]).ThenBy(r => r.Area, StringComparer.Ordinal).Take(IndicatorCatalogue.MaxGridSquares)
                .OrderBy(r => r.Area, StringComparer.Ordinal)];
}
