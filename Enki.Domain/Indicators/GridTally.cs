using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Enki.Domain.Geography;

namespace Enki.Domain.Indicators;

/// <summary>
/// Incidents counted by nature family and 1 km square as their points are read, or as counts already made by square (a national year:
/// millions of incidents on a few hundred thousand squares, so nothing is kept per incident), then the facts of the densest squares,
/// as many as a map shows.
/// </summary>
public sealed class GridTally
{
    // A square's key: its corner in kilometres, each shifted to be positive, east in the high half. Far wider than any projected point.
    private const long Shift = 1L << 30;

    private readonly Dictionary<string, CountTable> _families = new(StringComparer.Ordinal);
    private CountTable? _last;
    private string? _lastFamily;

    /// <summary>How many incidents of a family lie on the square whose south-west corner is (<see cref="East"/>, <see cref="North"/>), in metres.</summary>
    public readonly record struct SquareCount(long East, long North, int Incidents);

    /// <summary>One incident at a point given in degrees.</summary>
    public void Add(string family, double latitude, double longitude)
    {
        var (east, north) = GridSquare.CornerOf(latitude, longitude);
        Counts(family).Add(Key(east, north), 1);
    }

    /// <summary>
    /// Counts made by square (a national level's), optimised from its first call with its table inlined: a national year adds millions
    /// in each of a few requests, too few for the runtime's tiers to reach this code before the answers are given.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string family, ReadOnlySpan<SquareCount> squares)
    {
        var counts = Counts(family);
        foreach (var square in squares)
        {
            counts.Add(Key(square.East, square.North), square.Incidents);
        }
    }

    /// <summary>
    /// One fact per square and family, for the <paramref name="max"/> squares with the most incidents (ties by id), dated
    /// <paramref name="at"/>.
    /// </summary>
    public IReadOnlyList<IndicatorFact> DensestFacts(DateTimeOffset at, int max = IndicatorCatalogue.MaxGridSquares)
    {
        var totals = new CountTable();
        foreach (var counts in _families.Values)
        {
            foreach (var (key, incidents) in counts.Entries()) totals.Add(key, incidents);
        }
        var densest = Densest([.. totals.Entries()], max);
        return [.. _families.SelectMany(f => f.Value.Entries().Where(s => densest.ContainsKey(s.Key))
            .Select(s => new IndicatorFact(at, "", "", f.Key, [s.Incidents], densest[s.Key])))];
    }

    /// <summary>
    /// The <paramref name="max"/> densest squares with their ids: all those above the max-th square's total, then those at that total by
    /// id. Only these are named, since naming a national year's squares to sort them took longer than counting them.
    /// </summary>
    private static Dictionary<long, string> Densest((long Key, long Incidents)[] squares, int max)
    {
        var threshold = 0L;
        if (squares.Length > max)
        {
            // How many squares have each total: a few thousand totals, walked from the largest.
            var squaresByTotal = new CountTable();
            foreach (var square in squares) squaresByTotal.Add(square.Incidents, 1);
            var seen = 0L;
            foreach (var (total, count) in squaresByTotal.Entries().OrderByDescending(t => t.Key))
            {
                seen += count;
                if (seen < max) continue;
                threshold = total;
                break;
            }
        }
        var kept = squares.Where(s => s.Incidents > threshold).ToDictionary(s => s.Key, s => Id(s.Key));
        foreach (var id in squares.Where(s => s.Incidents == threshold).Select(s => (s.Key, Id: Id(s.Key)))
                     .OrderBy(s => s.Id, StringComparer.Ordinal).Take(max - kept.Count))
        {
            kept[id.Key] = id.Id;
        }
        return kept;
    }

    private CountTable Counts(string family)
    {
        // Counts made by square come family by family, one string per family: kept at hand, found by reference.
        if (ReferenceEquals(family, _lastFamily)) return _last!;
        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_families, family, out _);
        counts ??= new CountTable();
        (_last, _lastFamily) = (counts, family);
        return counts;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Key(long east, long north) =>
        (east / GridSquare.Size + Shift) << 32 | (north / GridSquare.Size + Shift);

    private static string Id(long key) =>
        new GridSquare(((key >> 32) - Shift) * GridSquare.Size, ((key & 0xFFFF_FFFFL) - Shift) * GridSquare.Size).Id;
}
