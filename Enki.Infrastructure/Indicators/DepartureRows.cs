using Enki.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// « Écart à la normale »: each bucket's openings against the same local hour (or day) of the previous
/// weeks. The openings of the period and of its baseline weeks are read once (their times only).
/// </summary>
internal static class DepartureRows
{
    public static async Task<IReadOnlyList<IndicatorRow>> ComputeAsync(IndicatorFactQuery query, CancellationToken cancellationToken)
    {
        var buckets = query.Buckets.Buckets;
        if (buckets.Count == 0) return [];
        var weeks = IndicatorCatalogue.BaselineWeeks;
        var since = query.Buckets.WeeksBefore(buckets[0], weeks).Start.ToUniversalTime();
        var to = query.To;
        var category = query.Request.Category;
        var opened = query.Real.Where(i => i.OpenedAt >= since && i.OpenedAt < to);
        if (category is not null) opened = opened.Where(i => i.NatureFamily == category);
        var times = (await opened.Select(i => i.OpenedAt).ToListAsync(cancellationToken)).Order().ToArray();

        var rows = buckets.Select(bucket =>
        {
            var baseline = Enumerable.Range(1, weeks).Select(w => Count(times, query.Buckets.WeeksBefore(bucket, w))).ToList();
            var departure = Departure.Assess(Count(times, bucket), baseline);
            return new IndicatorRow(bucket.Start, null, null, null, null,
                [departure.Observed, departure.Baseline, departure.Threshold, departure.Flagged ? 1 : 0]);
        }).ToList();
        return query.Request.Representation == IndicatorRepresentation.TimeSeries ? rows : [rows[^1] with { At = null }];
    }

    private static int Count(DateTimeOffset[] sorted, TimeBucket bucket) => Lower(sorted, bucket.End) - Lower(sorted, bucket.Start);

    /// <summary>How many instants come before the bound.</summary>
    private static int Lower(DateTimeOffset[] sorted, DateTimeOffset bound)
    {
        var index = Array.BinarySearch(sorted, bound);
        if (index < 0) return ~index;
        while (index > 0 && sorted[index - 1] == bound) index--;
        return index;
    }
}
