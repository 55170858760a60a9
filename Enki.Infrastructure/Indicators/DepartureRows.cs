using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// « Écart à la normale »: each bucket's openings against the same local hour (or day) of the previous
/// weeks. The openings of the period and of its baseline weeks are read once, counted by UTC hour from the opening
/// hours pre-aggregate (<see cref="OpenedHourReader"/>: its partial and marked hours from the incidents, one group an
/// incident), then each bucket is counted from prefix sums.
/// </summary>
internal static class DepartureRows
{
    public static async Task<IReadOnlyList<IndicatorRow>> ComputeAsync(IndicatorFactQuery query, CancellationToken cancellationToken)
    {
        var buckets = query.Buckets.Buckets;
        if (buckets.Count == 0) return [];
        var weeks = IndicatorCatalogue.BaselineWeeks;
        var baselines = buckets.Select(bucket => Enumerable.Range(1, weeks).Select(w => query.Buckets.WeeksBefore(bucket, w)).ToList()).ToList();
        var since = baselines[0][^1].Start.ToUniversalTime();
        var openings = await OpeningsAsync(query, since, buckets.Concat(baselines.SelectMany(b => b)), cancellationToken);

        var rows = buckets.Select((bucket, index) =>
        {
            var departure = Departure.Assess(openings.Count(bucket), [.. baselines[index].Select(openings.Count)]);
            return new IndicatorRow(bucket.Start, null, null, null, null,
                [departure.Observed, departure.Baseline, departure.Threshold, departure.Flagged ? 1 : 0]);
        }).ToList();
        return query.Request.Representation == IndicatorRepresentation.TimeSeries ? rows : [rows[^1] with { At = null }];
    }

    /// <summary>
    /// The openings of [since, to) (of the category asked): by UTC hour from the pre-aggregate, which is exact when every bucket
    /// is a union of whole UTC hours (every French territory's offset is a whole number of hours); else one group an incident.
    /// </summary>
    private static async Task<OpeningTimes> OpeningsAsync(
        IndicatorFactQuery query, DateTimeOffset since, IEnumerable<TimeBucket> buckets, CancellationToken cancellationToken)
    {
        var category = query.Request.Category;
        var grain = new OpenedGrain(Hour: true, Commune: false, Department: false, Family: category is not null);
        var hourly = buckets.All(b => b.Start.UtcTicks % TimeSpan.TicksPerHour == 0 && b.End.UtcTicks % TimeSpan.TicksPerHour == 0);
        var groups = hourly
            ? await OpenedHourReader.ReadAsync(query, since, query.To, grain, OpenedHourReader.OpeningsAsync, cancellationToken, openingsOnly: true)
            : await OpenedHourReader.OpeningsAsync(query, grain, [(since, query.To)], cancellationToken);
        return new OpeningTimes(category is null ? groups : [.. groups.Where(g => g.NatureFamily == category)]);
    }

    /// <summary>Openings at instants (an incident's, or an hour's start for all its openings), counted over any bucket by prefix sums.</summary>
    private sealed class OpeningTimes
    {
        private readonly long[] _ticks;
        private readonly long[] _before;

        public OpeningTimes(IReadOnlyList<OpenedGroup> groups)
        {
            var sorted = groups.OrderBy(g => g.At.UtcTicks).ToArray();
            _ticks = [.. sorted.Select(g => g.At.UtcTicks)];
            _before = new long[sorted.Length + 1];
            for (var i = 0; i < sorted.Length; i++) _before[i + 1] = _before[i] + sorted[i].Opened;
        }

        public int Count(TimeBucket bucket) => (int)(_before[Lower(bucket.End.UtcTicks)] - _before[Lower(bucket.Start.UtcTicks)]);

        /// <summary>How many instants come before the bound.</summary>
        private int Lower(long bound)
        {
            var (low, high) = (0, _ticks.Length);
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_ticks[middle] < bound) low = middle + 1;
                else high = middle;
            }
            return low;
        }
    }
}
