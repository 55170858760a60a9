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
    public static double? NearestRank(IEnumerable<double> values, double p)
    {
        if (p is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "Un centile est compris entre 0 exclu et 1.");
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        // Rounded before the ceiling: 0.9 × 10 is 9.000000000000002 in binary.
        var rank = (int)Math.Ceiling(Math.Round(p * sorted.Length, 9));
        return sorted[Math.Max(rank, 1) - 1];
    }

    public static double? Median(IEnumerable<double> values) => NearestRank(values, 0.5);

    public static double? P90(IEnumerable<double> values) => NearestRank(values, 0.9);
}
