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
        foreach (var p in ps)
        {
            if (p is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(ps), p, "Un centile est compris entre 0 exclu et 1.");
        }
        var sorted = counted.Where(c => c.Count > 0).ToArray();
        var n = sorted.Sum(c => c.Count);
        if (n == 0) return [.. ps.Select(_ => (double?)null)];
        Array.Sort(sorted.Select(c => c.Value).ToArray(), sorted);
        // Rounded before the ceiling: 0.9 × 10 is 9.000000000000002 in binary.
        return [.. ps.Select(p => (double?)AtRank(sorted, Math.Max((long)Math.Ceiling(Math.Round(p * n, 9)), 1)))];
    }

    private static double AtRank((double Value, long Count)[] sorted, long rank)
    {
        foreach (var (value, count) in sorted)
        {
            rank -= count;
            if (rank <= 0) return value;
        }
        return sorted[^1].Value;
    }

    public static double? Median(IEnumerable<double> values) => NearestRank(values, 0.5);

    public static double? P90(IEnumerable<double> values) => NearestRank(values, 0.9);
}
