using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Enki.Domain.Geography;

namespace Enki.Domain.Indicators;

/// <summary>
/// Incidents counted by nature family and 1 km square as their points are read, or as counts already made by square (a national year:
/// millions of incidents on about a hundred thousand squares, so nothing is kept per incident), then the facts of the densest squares,
/// as many as a map shows. Each square met gets a number, and each family an array of counts by that number.
/// </summary>
public sealed class GridTally
{
    // Metropolitan France's squares (Lambert-93, in kilometres: east 99–1,243, north 6,040–7,110) get their numbers from an array over
    // this box, found without hashing: a national year adds millions of counts, and its hours' squares come in order, so the array is
    // swept rather than probed (decoding and counting them in hash tables by family took 330–570 ms at 5 M incidents, decoding alone
    // 60–100 ms: the tables missed the cache on nearly every count).
    private const long WestKm = 0, SouthKm = 6_000, Width = 1_400, Height = 1_200;

    private readonly int[]? _box;
    private readonly Dictionary<(long East, long North), int> _elsewhere = [];
    private (long East, long North)[] _squares = new (long, long)[1024];
    private int _squareCount;
    private readonly Dictionary<string, int[]> _families = new(StringComparer.Ordinal);
    private int[]? _last;
    private string? _lastFamily;

    /// <param name="wholeCountry">
    /// Whether the whole country's squares are expected: metropolitan France's are then numbered through an array over its grid
    /// (6.7 MB), else through a dictionary, which a department or a commune fills faster.
    /// </param>
    public GridTally(bool wholeCountry = false)
    {
        if (wholeCountry) _box = new int[Width * Height];
    }

    /// <summary>How many incidents of a family lie on the square whose south-west corner is (<see cref="East"/>, <see cref="North"/>), in metres.</summary>
    public readonly record struct SquareCount(long East, long North, int Incidents);

    /// <summary>One incident at a point given in degrees.</summary>
    public void Add(string family, double latitude, double longitude)
    {
        var (east, north) = GridSquare.CornerOf(latitude, longitude);
        var counts = Counts(family);
        var square = Number(east, north);
        if (square >= counts.Length) counts = Grown(family);
        counts[square]++;
    }

    /// <summary>
    /// Counts made by square (a national level's), optimised from its first call: a national year adds millions in each of a few
    /// requests, too few for the runtime's tiers to reach this code before the answers are given.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string family, ReadOnlySpan<SquareCount> squares)
    {
        var counts = Counts(family);
        foreach (var count in squares)
        {
            var square = Number(count.East, count.North);
            if (square >= counts.Length) counts = Grown(family);
            counts[square] += count.Incidents;
        }
    }

    /// <summary>
    /// One fact per square and family, for the <paramref name="max"/> squares with the most incidents (ties by id), dated
    /// <paramref name="at"/>.
    /// </summary>
    public IReadOnlyList<IndicatorFact> DensestFacts(DateTimeOffset at, int max = IndicatorCatalogue.MaxGridSquares)
    {
        var totals = new long[_squareCount];
        foreach (var counts in _families.Values)
        {
            for (var square = 0; square < Math.Min(counts.Length, _squareCount); square++) totals[square] += counts[square];
        }
        var densest = Densest(totals, max);
        return [.. _families.SelectMany(f => densest.Where(d => d.Key < f.Value.Length && f.Value[d.Key] > 0)
            .Select(d => new IndicatorFact(at, "", "", f.Key, [f.Value[d.Key]], d.Value)))];
    }

    /// <summary>
    /// The <paramref name="max"/> densest squares' numbers with their ids: all those above the max-th square's total, then those at that
    /// total by id. Only these are named, since naming a national year's squares to sort them took longer than counting them.
    /// </summary>
    private Dictionary<int, string> Densest(long[] totals, int max)
    {
        var threshold = 0L;
        if (totals.Length > max)
        {
            // How many squares have each total: a few thousand totals, walked from the largest.
            var squaresByTotal = new CountTable();
            foreach (var total in totals) squaresByTotal.Add(total, 1);
            var seen = 0L;
            foreach (var (total, count) in squaresByTotal.Entries().OrderByDescending(t => t.Key))
            {
                seen += count;
                if (seen < max) continue;
                threshold = total;
                break;
            }
        }
        var squares = Enumerable.Range(0, totals.Length);
        var kept = squares.Where(s => totals[s] > threshold).ToDictionary(s => s, Id);
        foreach (var tied in squares.Where(s => totals[s] == threshold && threshold > 0).Select(s => (Square: s, Id: Id(s)))
                     .OrderBy(s => s.Id, StringComparer.Ordinal).Take(max - kept.Count))
        {
            kept[tied.Square] = tied.Id;
        }
        return kept;
    }

    private int[] Counts(string family)
    {
        // Counts made by square come family by family, one string per family: kept at hand, found by reference.
        if (ReferenceEquals(family, _lastFamily)) return _last!;
        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_families, family, out _);
        counts ??= new int[_squares.Length];
        (_last, _lastFamily) = (counts, family);
        return counts;
    }

    /// <summary>The family's counts as long as the squares' numbers can go.</summary>
    private int[] Grown(string family)
    {
        var counts = _families[family];
        Array.Resize(ref counts, _squares.Length);
        _families[family] = counts;
        if (ReferenceEquals(family, _lastFamily)) _last = counts;
        return counts;
    }

    /// <summary>The square's number, given to it the first time it is met.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Number(long east, long north)
    {
        var (x, y) = (east / GridSquare.Size - WestKm, north / GridSquare.Size - SouthKm);
        if (_box is not null && (ulong)x < Width && (ulong)y < Height)
        {
            ref var numbered = ref _box[y * Width + x];
            if (numbered == 0) numbered = New(east, north) + 1;
            return numbered - 1;
        }
        ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_elsewhere, (east, north), out var exists);
        if (!exists) number = New(east, north);
        return number;
    }

    private int New(long east, long north)
    {
        if (_squareCount == _squares.Length) Array.Resize(ref _squares, _squares.Length * 2);
        _squares[_squareCount] = (east, north);
        return _squareCount++;
    }

    private string Id(int square) => new GridSquare(_squares[square].East, _squares[square].North).Id;
}
