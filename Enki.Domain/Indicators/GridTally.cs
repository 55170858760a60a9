using System.Runtime.InteropServices;
using Enki.Domain.Geography;

namespace Enki.Domain.Indicators;

/// <summary>
/// Incidents counted by nature family and 1 km square as their points are read (a national year: a million points on a few
/// hundred thousand squares, so nothing is kept per incident), then the facts of the densest squares, as many as a map shows.
/// </summary>
public sealed class GridTally
{
    private readonly Dictionary<string, Dictionary<(long East, long North), int>> _families = new(StringComparer.Ordinal);

    public void Add(string family, double latitude, double longitude)
    {
        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_families, family, out _);
        counts ??= [];
        CollectionsMarshal.GetValueRefOrAddDefault(counts, GridSquare.CornerOf(latitude, longitude), out _)++;
    }

    /// <summary>
    /// One fact per square and family, for the <paramref name="max"/> squares with the most incidents (ties by id), dated
    /// <paramref name="at"/>.
    /// </summary>
    public IReadOnlyList<IndicatorFact> DensestFacts(DateTimeOffset at, int max = IndicatorCatalogue.MaxGridSquares)
    {
        var densest = _families.Values.SelectMany(f => f).GroupBy(s => s.Key, s => s.Value)
            .Select(g => (Corner: g.Key, Id: new GridSquare(g.Key.East, g.Key.North).Id, Count: g.Sum()))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Id, StringComparer.Ordinal).Take(max)
            .ToDictionary(s => s.Corner, s => s.Id);
        return [.. _families.SelectMany(f => f.Value.Where(s => densest.ContainsKey(s.Key))
            .Select(s => new IndicatorFact(at, "", "", f.Key, [s.Value], densest[s.Key])))];
    }
}
