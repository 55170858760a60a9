using Enki.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// « Délai de couverture » of a period: the pre-aggregate's rows (<see cref="CoverageHour"/>) for every whole hour no mark calls
/// stale, the incidents' own computation (<see cref="ResourceFacts.CoveredAsync"/>) for the partial hours at both ends and the
/// marked hours. Each row is one fact standing for its incidents (<see cref="IndicatorFact.Times"/>): the percentiles are those
/// of the incidents. Rows are not grouped in the database: pairs of durations are nearly unique, a grouping would only sort.
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
        // Only the columns the view keeps are read (the others as constants): a national number reads two durations and a count per row.
        var grain = OpenedGrain.Of(query.Request);
        var (commune, department, family, at) = (grain.Commune, grain.Department, query.Request.Category is not null, query.Request.From);
        var rows = query.CoverageHours!.Where(h => h.Hour >= firstWhole && h.Hour < endOfWhole && !stale.Contains(h.Hour));
        var read = grain.Hour
            ? rows.Select(h => new Row(h.Hour, "", "", family ? h.NatureFamily : "", h.TotalTicks, h.AlertTicks, h.Incidents))
            : rows.Select(h => new Row(at, commune ? h.CommuneCode : "", department ? h.DepartmentCode : "", family ? h.NatureFamily : "",
                h.TotalTicks, h.AlertTicks, h.Incidents));
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

    private sealed record Row(DateTimeOffset At, string CommuneCode, string DepartmentCode, string NatureFamily, long TotalTicks, long AlertTicks, int Incidents);
}
