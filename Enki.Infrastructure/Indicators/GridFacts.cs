using Enki.Domain.Geography;
using Enki.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// Incidents opened in the period placed on the 1 km Lambert-93 grid: the database narrows them (territory,
/// jurisdiction, exercise, opening time, a point), the projection runs here, once per incident; their number alone is counted without placing them.
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
        var placed = await query.Real.Where(i => i.OpenedAt >= from && i.OpenedAt < to && i.Latitude != null && i.Longitude != null)
            .Select(i => new { i.OpenedAt, i.CommuneCode, i.DepartmentCode, i.NatureFamily, Latitude = i.Latitude!.Value, Longitude = i.Longitude!.Value })
            .ToListAsync(cancellationToken);
        return placed.Select(i => new IndicatorFact(i.OpenedAt, i.CommuneCode, i.DepartmentCode, i.NatureFamily, [1],
            GridSquare.Of(i.Latitude, i.Longitude).Id)).ToList();
    }

    /// <summary>At most <see cref="IndicatorCatalogue.MaxGridSquares"/> squares, the densest, in the order of their ids.</summary>
    public static IReadOnlyList<IndicatorRow> Densest(IReadOnlyList<IndicatorRow> rows) =>
        rows.Count <= IndicatorCatalogue.MaxGridSquares
            ? rows
            : [.. rows.OrderByDescending(r => r.Values[0]).ThenBy(r => r.Area, StringComparer.Ordinal).Take(IndicatorCatalogue.MaxGridSquares)
                .OrderBy(r => r.Area, StringComparer.Ordinal)];
}
