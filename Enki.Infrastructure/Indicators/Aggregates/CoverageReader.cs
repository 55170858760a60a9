using System.Linq.Expressions;
using Enki.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// « Délai de couverture » of a period: the pre-aggregate's rows (<see cref="CoverageHour"/>) for every whole hour no mark calls
/// stale, the incidents' own computation (<see cref="ResourceFacts.CoveredAsync"/>) for the partial hours at both ends and the
/// marked hours. Each row is one fact standing for its incidents (<see cref="IndicatorFact.Times"/>): the percentiles are those
/// of the incidents. Views without the hour are summed in the database first.
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
        var rows = query.CoverageHours!.Where(h => h.Hour >= firstWhole && h.Hour < endOfWhole && !stale.Contains(h.Hour));
        // A series reads each row's hour (a grouping by hour and durations would only sort); other views are summed in the database
        // by what they keep apart and the exact pair of durations, which a year of a nation shares between many incidents.
        var read = grain.Hour
            ? rows.Select(h => new Row(h.Hour, "", "", family ? h.NatureFamily : "", h.TotalTicks, h.AlertTicks, h.Incidents))
            : rows.GroupBy(KeyOf(commune, department, family))
                .Select(g => new Row(at, g.Key.CommuneCode, g.Key.DepartmentCode, g.Key.NatureFamily, g.Key.TotalTicks, g.Key.AlertTicks, g.Sum(h => h.Incidents)));
        await foreach (var row in read.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            facts.Add(ResourceFacts.CoverageFact(row.At, row.CommuneCode, row.DepartmentCode,
                row.NatureFamily == OpenedHour.NoFamily ? null : row.NatureFamily, row.TotalTicks, row.AlertTicks, row.Incidents));
        }
        return facts;
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

    /// <summary>A grouping key of the columns kept, and the durations always (<see cref="GroupingKey"/>).</summary>
    private static Expression<Func<CoverageHour, Key>> KeyOf(bool commune, bool department, bool family) =>
        GroupingKey.Of<CoverageHour, Key>(
        [
            (commune, nameof(CoverageHour.CommuneCode), nameof(Key.CommuneCode)),
            (department, nameof(CoverageHour.DepartmentCode), nameof(Key.DepartmentCode)),
            (family, nameof(CoverageHour.NatureFamily), nameof(Key.NatureFamily)),
            (true, nameof(CoverageHour.TotalTicks), nameof(Key.TotalTicks)),
            (true, nameof(CoverageHour.AlertTicks), nameof(Key.AlertTicks)),
        ]);

    private sealed class Key
    {
        public string CommuneCode { get; set; } = "";

        public string DepartmentCode { get; set; } = "";

        public string NatureFamily { get; set; } = "";

        public long TotalTicks { get; set; }

        public long AlertTicks { get; set; }
    }

    private sealed record Row(DateTimeOffset At, string CommuneCode, string DepartmentCode, string NatureFamily, long TotalTicks, long AlertTicks, int Incidents);
}
