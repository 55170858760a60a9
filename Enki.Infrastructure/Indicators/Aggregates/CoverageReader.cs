using System.Runtime.InteropServices;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// « Délai de couverture » of a period: the pre-aggregate's rows (<see cref="CoverageHour"/>; its national level, <see cref="CoverageNationalHour"/>,
/// for a national view that keeps no commune apart) for every whole hour no mark calls stale, the incidents' own computation (<see cref="ResourceFacts.CoveredAsync"/>) for the partial hours at both ends and the
/// marked hours. The rows are summed by what the view keeps apart and the exact pair of durations (the national rows by part and exact
/// duration), each sum one fact standing for its incidents (<see cref="IndicatorFact.Times"/>): the percentiles are those of the incidents.
/// </summary>
internal static class CoverageReader
{
    public static async Task<IReadOnlyList<IndicatorFact>> ReadAsync(IndicatorFactQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = (query.From, query.To);
        if (await HourPlan.OfAsync(query, from, to, query.CoverageHours is not null, cancellationToken) is not (var firstWhole, var endOfWhole, var stale, var ranges))
        {
            return await FromIncidentsAsync(query, [(from, to)], cancellationToken);
        }
        var facts = await FromIncidentsAsync(query, ranges, cancellationToken);
        var grain = OpenedGrain.Of(query.Request);
        var (commune, department, family, at) = (grain.Commune, grain.Department, query.Request.Category is not null, query.Request.From);
        if (query.CoverageNationalHours is { } national && !commune && !await CoverageNationalHourBuild.PendingAsync(query.Db, cancellationToken))
        {
            facts.AddRange(await NationalAsync(query, national.Where(h => h.Hour >= firstWhole && h.Hour < endOfWhole && !stale.Contains(h.Hour)),
                grain.Hour, department, family, cancellationToken));
            return facts;
        }
        // Read straight from the provider and summed here by what the view keeps apart (a series: the bucket) and the exact pair of
        // durations: a national year is 234 k rows at 1 M incidents, which SQLite read in 0.05 s but grouped by department and
        // durations in 0.5 s, and EF materialised in about as long.
        var rows = query.CoverageHours!.Where(h => h.Hour >= firstWhole && h.Hour < endOfWhole && !stale.Contains(h.Hour))
            .Select(h => new { h.Hour, h.CommuneCode, h.DepartmentCode, h.NatureFamily, h.TotalTicks, h.AlertTicks, h.Incidents });
        var hourOf = ProviderRows.InstantReader<CoverageHour>(query.Db, nameof(CoverageHour.Hour));
        var sums = new Dictionary<Key, long>();
        await foreach (var row in rows.ReadAsync(query.Db, cancellationToken))
        {
            // A series keeps each row's bucket (the rows lie inside the period, each hour in one bucket).
            var bucket = grain.Hour ? query.Buckets.IndexOf(hourOf(row, 0)) : -1;
            if (grain.Hour && bucket < 0) continue;
            var key = new Key(bucket, commune ? row.GetString(1) : "",
                department ? row.GetString(2) : "", family ? row.GetString(3) : OpenedHour.NoFamily, row.GetInt64(4), row.GetInt64(5));
            CollectionsMarshal.GetValueRefOrAddDefault(sums, key, out _) += row.GetInt32(6);
        }
        facts.AddRange(sums.Select(s => ResourceFacts.CoverageFact(s.Key.Bucket < 0 ? at : query.Buckets.Buckets[s.Key.Bucket].Start,
            s.Key.Commune, s.Key.Department, s.Key.Family == OpenedHour.NoFamily ? null : s.Key.Family, s.Key.Total, s.Key.Alert, s.Value)));
        return facts;
    }

    /// <summary>
    /// The national rows' durations summed by what the view keeps apart, part and exact duration (<see cref="CoverageTally"/>): the
    /// percentiles of each part, and the count (the totals'), are those of the incidents.
    /// </summary>
    private static async Task<List<IndicatorFact>> NationalAsync(
        IndicatorFactQuery query, IQueryable<CoverageNationalHour> hours, bool byHour, bool department, bool family, CancellationToken cancellationToken)
    {
        var tally = new CoverageTally();
        var reader = new CoverageDurations.Reader(department, family);
        await CountedWhileRead.CountAsync(hours.Select(h => new { h.Hour, h.Durations }).AsAsyncEnumerable(), hour =>
        {
            var bucket = byHour ? query.Buckets.IndexOf(hour.Hour) : -1;
            if (!byHour || bucket >= 0) reader.Read(hour.Durations, (departmentCode, familyCode, pairs) => tally.Add(bucket, departmentCode, familyCode, pairs));
        }, cancellationToken);
        var at = query.Request.From;
        return tally.Facts(bucket => bucket < 0 ? at : query.Buckets.Buckets[bucket].Start);
    }

    private static async Task<List<IndicatorFact>> FromIncidentsAsync(
        IndicatorFactQuery query, IEnumerable<(DateTimeOffset From, DateTimeOffset To)> ranges, CancellationToken cancellationToken)
    {
        var facts = new List<IndicatorFact>();
        foreach (var (from, to) in ranges.Where(r => r.From < r.To))
        {
            facts.AddRange((await ResourceFacts.CoveredAsync(query.Real, from, to, cancellationToken))
                .Select(c => ResourceFacts.CoverageFact(c.OpenedAt, c.CommuneCode, c.DepartmentCode, c.NatureFamily, c.TotalTicks, c.AlertTicks)));
        }
        return facts;
    }

    private readonly record struct Key(int Bucket, string Commune, string Department, string Family, long Total, long Alert);
}
