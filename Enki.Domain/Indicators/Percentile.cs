using System.Runtime.CompilerServices;

namespace Enki.Domain.Indicators;

/// <summary>
/// Percentiles by the nearest-rank method: the value of rank ⌈p × n⌉ in the sorted list. Always an
/// observed value, so a median of minutes is a number of minutes someone waited, and the same figure
/// can be read exactly from a histogram of counts (what pre-aggregates would keep).
/// </summary>
public static class Percentile
{
    /// <param name="p">Between 0 (excluded) and 1.</param>
    /// <returns>Null for no values.</returns>
    public static double? NearestRank(IEnumerable<double> values, double p) => NearestRankOfCounts(values.Select(v => (v, 1L)), p);

    /// <summary>The same from a histogram: each value observed <c>Count</c> times (a pre-aggregate's rows).</summary>
    /// <param name="p">Between 0 (excluded) and 1.</param>
    /// <returns>Null for no values.</returns>
    public static double? NearestRankOfCounts(IEnumerable<(double Value, long Count)> counted, double p) => NearestRanksOfCounts(counted, p)[0];

    /// <summary>Several percentiles of one histogram, sorted once (a median and a P90 of a year's values sort it once, not twice).</summary>
    /// <param name="ps">Each between 0 (excluded) and 1.</param>
    /// <returns>One figure per <paramref name="ps"/>, in their order; nulls for no values.</returns>
    public static IReadOnlyList<double?> NearestRanksOfCounts(IEnumerable<(double Value, long Count)> counted, params double[] ps)
    {
        var pairs = counted.ToArray();
        var values = pairs.Select(c => c.Value).ToArray();
        var counts = pairs.Select(c => c.Count).ToArray();
        return NearestRanksSorting(values, counts, ps);
    }

    /// <summary>
    /// The same from values and their counts side by side, sorted in place (no copy): what a series asks for each of its buckets
    /// and parts, hundreds of times in one answer.
    /// </summary>
    /// <param name="values">The values, sorted by this call (with their counts).</param>
    /// <param name="counts">How many times each value was observed; values observed 0 times are not counted.</param>
    /// <param name="ps">Each between 0 (excluded) and 1.</param>
    /// <returns>One figure per <paramref name="ps"/>, in their order; nulls for no values.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double?[] NearestRanksSorting(Span<double> values, Span<long> counts, params double[] ps)
    {
        foreach (var p in ps)
        {
            if (p is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(ps), p, "Un centile est compris entre 0 exclu et 1.");
        }
        var figures = new double?[ps.Length];
        long n = 0;
        foreach (var count in counts) n += Math.Max(count, 0);
        if (n == 0) return figures;
        values.Sort(counts);
        for (var i = 0; i < ps.Length; i++)
        {
            // Rounded before the ceiling: 0.9 × 10 is 9.000000000000002 in binary.
            figures[i] = AtRank(values, counts, Math.Max((long)Math.Ceiling(Math.Round(ps[i] * n, 9)), 1));
        }
        return figures;
    }

    private static double AtRank(ReadOnlySpan<double> sorted, ReadOnlySpan<long> counts, long rank)
    {
        var last = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (counts[i] <= 0) continue;
            last = i;
            rank -= counts[i];
            if (rank <= 0) return sorted[i];
        }
        return sorted[last];
    }

    public static double? Median(IEnumerable<double> values) => NearestRank(values, 0.5);

    public static double? P90(IEnumerable<double> values) => NearestRank(values, 0.9);
}
