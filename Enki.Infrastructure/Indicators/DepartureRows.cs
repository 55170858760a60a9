using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// « Écart à la normale »: each bucket's openings against the same local hour (or day) of the previous
/// weeks. The openings of the period and of its baseline weeks are read once (for the nation by UTC hour from the opening
/// hours pre-aggregate, <see cref="OpenedHourReader"/>; else each incident's opening time), then each bucket is counted
/// from prefix sums.
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
    /// The openings of [since, to) (of the category asked). The nation reads them by UTC hour from the pre-aggregate's national
    /// level, exact when every bucket is a union of whole UTC hours (every French territory's offset is a whole number of hours).
    /// Narrower territories read the incidents' opening times: at a commune's grain the pre-aggregate holds about a row per
    /// incident (0.6 incidents a row at 1 M a year), looked up row by row, where the incidents' index on (department, exercise,
    /// opening) alone answers (a department's year: 20 ms from the incidents, 250 ms from the communes' hours).
    /// </summary>
    private static async Task<OpeningTimes> OpeningsAsync(
        IndicatorFactQuery query, DateTimeOffset since, IEnumerable<TimeBucket> buckets, CancellationToken cancellationToken)
    {
        var (category, to) = (query.Request.Category, query.To);
        if (query.NationalHours is not null
            && buckets.All(b => b.Start.UtcTicks % TimeSpan.TicksPerHour == 0 && b.End.UtcTicks % TimeSpan.TicksPerHour == 0))
        {
            var grain = new OpenedGrain(Hour: true, Commune: false, Department: false, Family: category is not null);
            var groups = await OpenedHourReader.ReadAsync(query, since, to, grain, OpenedHourReader.OpeningsAsync, cancellationToken, OpenedSums.Openings);
            return new OpeningTimes([.. groups.Where(g => category is null || g.NatureFamily == category).Select(g => (g.At.UtcTicks, g.Opened))]);
        }
        var opened = query.Real.Where(i => i.OpenedAt >= since && i.OpenedAt < to);
        if (category is not null) opened = opened.Where(i => i.NatureFamily == category);
        return new OpeningTimes([.. (await opened.Select(i => i.OpenedAt).ToListAsync(cancellationToken)).Select(at => (at.UtcTicks, 1))]);
    }

    /// <summary>Openings at instants (an incident's, or an hour's start for all its openings), counted over any bucket by prefix sums.</summary>
    private sealed class OpeningTimes
    {
        private readonly long[] _ticks;
        private readonly long[] _before;

        public OpeningTimes(List<(long Ticks, int Opened)> openings)
        {
            openings.Sort((a, b) => a.Ticks.CompareTo(b.Ticks));
            _ticks = [.. openings.Select(o => o.Ticks)];
            _before = new long[openings.Count + 1];
            for (var i = 0; i < openings.Count; i++) _before[i + 1] = _before[i] + openings[i].Opened;
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
