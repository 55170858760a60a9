using Enki.Domain.Geography;
using Enki.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// Incidents opened in the period placed on the 1 km Lambert-93 grid: the database narrows them (territory, jurisdiction, exercise,
/// opening time, a point, a category), the projection runs here, once per incident, counted by square; their number alone is counted
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
        // The map: the category asked narrows in the database, and each square is one fact with its count (a national year places a million
        // incidents on a few hundred thousand squares; only their coordinates are read).
        var category = query.Request.Category;
        var opened = query.Real.Where(i => i.OpenedAt >= from && i.OpenedAt < to && i.Latitude != null && i.Longitude != null);
        if (category is not null) opened = opened.Where(i => i.NatureFamily == category);
        var squares = new Dictionary<GridSquare, int>();
        await foreach (var point in opened.Select(i => new { Latitude = i.Latitude!.Value, Longitude = i.Longitude!.Value })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var square = GridSquare.Of(point.Latitude, point.Longitude);
            squares[square] = squares.GetValueOrDefault(square) + 1;
        }
        return [.. squares.Select(s => new IndicatorFact(query.Request.From, "", "", category, [s.Value], s.Key.Id))];
    }

    /// <summary>At most <see cref="IndicatorCatalogue.MaxGridSquares"/> squares, the densest, in the order of their ids.</summary>
    public static IReadOnlyList<IndicatorRow> Densest(IReadOnlyList<IndicatorRow> rows) =>
        rows.Count <= IndicatorCatalogue.MaxGridSquares
            ? rows
            : [.. rows.OrderByDescending(r => r.Values[0]).ThenBy(r => r.Area, StringComparer.Ordinal).Take(IndicatorCatalogue.MaxGridSquares)
                .OrderBy(r => r.Area, StringComparer.Ordinal)];
}
