using Enki.Domain.Indicators;

namespace Enki.Tests.Indicators;

/// <summary>The pure math of the indicators, against values worked out by hand (Poisson tables, ranks).</summary>
public sealed class IndicatorMathTests
{
    [Fact]
    public void Median_and_p90_are_the_observed_values_of_rank_ceiling_p_times_n()
    {
        double[] ten = [7, 1, 9, 3, 5, 2, 10, 4, 8, 6];
        Assert.Equal(5, Percentile.Median(ten));    // rank ⌈0.5 × 10⌉ = 5
        Assert.Equal(9, Percentile.P90(ten));       // rank ⌈0.9 × 10⌉ = 9, not 9.000…1 → 10
        Assert.Equal(20, Percentile.Median([30, 10, 20])); // rank ⌈1.5⌉ = 2
        Assert.Equal(30, Percentile.P90([30, 10, 20]));    // rank ⌈2.7⌉ = 3
        Assert.Equal(60, Percentile.Median([90, 60]));     // rank 1: an observed value, not 75
        Assert.Equal(42, Percentile.P90([42]));
        Assert.Null(Percentile.Median([]));
        // From counts, the same ranks: 10 ×1, 20 ×3, 30 ×1 is 10, 20, 20, 20, 30 (median rank 3, P90 rank ⌈4.5⌉ = 5).
        Assert.Equal(20, Percentile.NearestRankOfCounts([(30, 1), (10, 1), (20, 3)], 0.5));
        Assert.Equal(30, Percentile.NearestRankOfCounts([(30, 1), (10, 1), (20, 3)], 0.9));
        Assert.Equal([20, 30, 10], Percentile.NearestRanksOfCounts([(30, 1), (10, 1), (20, 3)], 0.5, 0.9, 0.1)); // one sort, any order of ranks
        Assert.Equal(Percentile.P90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), Percentile.NearestRankOfCounts([(1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (6, 1), (7, 1), (8, 1), (9, 1), (10, 1)], 0.9));
        Assert.Equal([null, null], Percentile.NearestRanksOfCounts([(5, 0)], 0.5, 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.NearestRanksOfCounts([(5, 1)], 0.5, 1.5));
    }

    [Fact]
    public void A_distribution_read_part_by_part_gives_the_figures_of_its_incidents()
    {
        var at = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        IndicatorFact Whole(double total, double alert, long times = 1) => new(at, "77108", "77", null, [total, alert, total - alert], Times: times);
        IndicatorFact Part(int part, double minutes, long times)
        {
            double[] values = [double.NaN, double.NaN, double.NaN];
            values[part] = minutes;
            return new(at, "", "77", null, values, Times: times);
        }
        // Totals 12 ×2, 20, 30 (alerts 2, 2, 5, 5; travels 10, 10, 15, 25): median rank 2, P90 rank 4 of each part, 4 incidents.
        double?[] expected = [12, 30, 2, 5, 10, 25, 4];
        Assert.Equal(expected, IndicatorGrouping.Figures([Whole(12, 2, 2), Whole(20, 5), Whole(30, 5)], IndicatorAggregation.Distribution, [], width: 3));
        // The same incidents as each part's values: 12 ×2, 20, 30; 2 ×2, 5 ×2; 10 ×2, 15, 25. The count is the totals' alone.
        Assert.Equal(expected, IndicatorGrouping.Figures(
            [Part(0, 12, 2), Part(0, 20, 1), Part(0, 30, 1), Part(1, 2, 2), Part(1, 5, 2), Part(2, 10, 2), Part(2, 15, 1), Part(2, 25, 1)],
            IndicatorAggregation.Distribution, [], width: 3));
    }

    [Fact]
    public void Ranks_from_values_and_counts_side_by_side_sort_them_in_place_and_skip_values_never_observed()
    {
        // 40 ×0 is no value; 10 ×1, 20 ×3, 30 ×1 as above: median 20, P90 30.
        double[] values = [30, 40, 10, 20];
        long[] counts = [1, 0, 1, 3];
        Assert.Equal([20, 30], Percentile.NearestRanksSorting(values, counts, 0.5, 0.9));
        Assert.Equal([10, 20, 30, 40], values);
        Assert.Equal([1, 3, 1, 0], counts);
        // A value of rank n followed by values never observed is still the last one observed: 10 ×2, 99 ×0, P90 rank 2.
        Assert.Equal([10], Percentile.NearestRanksSorting([99, 10], [0, 2], 0.9));
        Assert.Equal([null], Percentile.NearestRanksSorting([5], [0], 0.5));
    }

    [Fact]
    public void A_series_groups_its_facts_by_bucket_whatever_their_order()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var from = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(1));
        var buckets = TimeBuckets.Of(from, from.AddDays(3), IndicatorStep.Day, zone);
        IndicatorFact On(int day, double minutes, long times = 1) =>
            new(from.AddDays(day).AddHours(9), "77108", "77", null, [minutes], Times: times);
        var context = new IndicatorGroupingContext([], _ => null, null);
        // Day 0: 5, 7 ×2, 9 (median rank 2: 7; P90 rank 4: 9); day 1: nothing; day 2: 3. The facts alternate between days, and one lies
        // after the period (dropped); the same instant in another offset is the same bucket.
        IndicatorFact[] facts = [On(0, 5), On(2, 3), On(0, 7, 2), On(3, 100), On(0, 9) with { At = from.AddHours(9).ToOffset(TimeSpan.Zero) }];
        var rows = IndicatorGrouping.Rows(facts, IndicatorAggregation.Distribution, IndicatorRepresentation.TimeSeries, buckets, context);
        Assert.Equal([[7, 9, 4], [null, null, 0], [3, 3, 1]], rows.Select(r => r.Values.ToArray()));
        Assert.Equal(buckets.Buckets.Select(b => (DateTimeOffset?)b.Start), rows.Select(r => r.At));
    }

    [Theory]
    // Cumulative Poisson tables: mean 1: P(X≤3) = 0.9810, P(X≤4) = 0.9963; mean 4: P(X≤8) = 0.9786, P(X≤9) = 0.9919;
    // mean 10: P(X≤17) = 0.9857, P(X≤18) = 0.9928; mean 1.75: P(X≤4) = 0.9671, P(X≤5) = 0.9909.
    [InlineData(1, 4)]
    [InlineData(4, 9)]
    [InlineData(10, 18)]
    [InlineData(1.75, 5)]
    [InlineData(0, 0)]
    public void The_threshold_is_the_smallest_count_whose_cumulative_poisson_reaches_99_percent(double mean, int expected) =>
        Assert.Equal(expected, PoissonThreshold.Quantile(mean, 0.99));

    [Fact]
    public void A_large_mean_does_not_underflow()
    {
        // Normal approximation: 1000 + 2.326 × √1000 ≈ 1073.6.
        Assert.InRange(PoissonThreshold.Quantile(1000, 0.99), 1070, 1078);
    }

    [Fact]
    public void An_hour_is_flagged_only_strictly_above_the_threshold()
    {
        var above = Departure.Assess(10, [3, 4, 5, 4]); // mean 4, threshold 9
        var at = Departure.Assess(9, [3, 4, 5, 4]);

        Assert.Equal((4d, 9, true), (above.Baseline, above.Threshold, above.Flagged));
        Assert.False(at.Flagged);
        Assert.True(Departure.Assess(1, [0, 0, 0, 0]).Flagged); // anything is out of the ordinary where nothing ever happens
    }

    [Fact]
    public void Rates_are_per_ten_thousand_inhabitants_and_need_a_population()
    {
        Assert.Equal(2 * 10_000d / 54_620, Rate.Per10000(2, 54_620));
        Assert.Null(Rate.Per10000(3, 0));
    }
}
