using Enki.Domain.Incidents;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// Facts about engaged resources, read from each incident's resources and their status history (a JSON
/// column: the database narrows the incidents, the history is read here).
/// </summary>
internal static class ResourceFacts
{
    /// <summary>The category of a resource whose sender named no kind.</summary>
    public const string UnknownKind = "Non précisé";

    /// <summary>RC-RI « Arrivé sur les lieux »: the first resource on scene ends the coverage time.</summary>
    public const string OnScene = "ARRIVEE";

    /// <summary>Resources whose first known status falls in the period, by kind.</summary>
    public static async Task<IReadOnlyList<IndicatorFact>> EngagedAsync(IndicatorFactQuery query, CancellationToken cancellationToken) =>
        (await TouchingAsync(query, cancellationToken))
            .SelectMany(i => i.Resources.Select(r => (i, r, At: r.History[0].At)))
            .Where(x => x.At >= query.From && x.At < query.To)
            .Select(x => IndicatorFact.One(x.At, x.i.CommuneCode, x.i.DepartmentCode, x.r.Kind ?? UnknownKind))
            .ToList();

    /// <summary>Released resources whose release falls in the period: minutes from their first status to the release.</summary>
    public static async Task<IReadOnlyList<IndicatorFact>> EngagementDurationsAsync(IndicatorFactQuery query, CancellationToken cancellationToken) =>
        (await TouchingAsync(query, cancellationToken))
            .SelectMany(i => i.Resources.Where(r => r.IsReleased).Select(r => (i, r, At: r.Current.At)))
            .Where(x => x.At >= query.From && x.At < query.To)
            .Select(x => new IndicatorFact(x.At, x.i.CommuneCode, x.i.DepartmentCode, x.r.Kind ?? UnknownKind,
                [(x.At - x.r.History[0].At).TotalMinutes]))
            .ToList();

    /// <summary>The coverage of one incident (or of <paramref name="Times"/> incidents with the same durations) as a fact.</summary>
    public static IndicatorFact CoverageFact(DateTimeOffset at, string communeCode, string departmentCode, string? family,
        long totalTicks, long alertTicks, long times = 1) =>
        new(at, communeCode, departmentCode, family,
            [TimeSpan.FromTicks(totalTicks).TotalMinutes, TimeSpan.FromTicks(alertTicks).TotalMinutes, TimeSpan.FromTicks(totalTicks - alertTicks).TotalMinutes],
            Times: times);

    /// <summary>The real incidents opened in [from, to) that had a resource on scene, with their durations: what the pre-aggregate stores.</summary>
    public static async Task<List<Coverage>> CoveredAsync(IQueryable<Incident> real, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var opened = await real.Where(i => i.OpenedAt >= from && i.OpenedAt < to)
            .Select(i => new { i.OpenedAt, i.CreatedAt, i.CommuneCode, i.DepartmentCode, i.ZoneCode, i.NatureFamily,
                Resources = EF.Property<List<EngagedResource>>(i, "_resources") })
            .ToListAsync(cancellationToken);
        var covered = new List<Coverage>();
        foreach (var incident in opened)
        {
            var arrivals = incident.Resources.SelectMany(r => r.History).Where(h => h.Code == OnScene).Select(h => h.At).ToList();
            if (arrivals.Count == 0) continue;
            var total = (arrivals.Min() - incident.CreatedAt).Ticks;
            if (total < 0) continue; // a sender's clock behind the case's creation: not a delay
            var firstStatus = incident.Resources.Min(r => r.History[0].At);
            var alert = Math.Clamp((firstStatus - incident.CreatedAt).Ticks, 0, total);
            covered.Add(new Coverage(incident.OpenedAt, incident.CommuneCode, incident.DepartmentCode, incident.ZoneCode, incident.NatureFamily, total, alert));
        }
        return covered;
    }

    /// <summary>One incident's coverage: durations in ticks (exact; minutes only on output).</summary>
    public sealed record Coverage(DateTimeOffset OpenedAt, string CommuneCode, string DepartmentCode, string ZoneCode, string? NatureFamily,
        long TotalTicks, long AlertTicks);

    private static async Task<List<Touching>> TouchingAsync(IndicatorFactQuery query, CancellationToken cancellationToken)
    {
        var (to, receivedSince) = (query.To, query.From - IndicatorFactQuery.ClockMargin);
        return await query.Real.Where(i => i.OpenedAt < to && i.UpdatedAt >= receivedSince)
            .Select(i => new Touching(i.OpenedAt, i.CreatedAt, i.CommuneCode, i.DepartmentCode, i.NatureFamily,
                EF.Property<List<EngagedResource>>(i, "_resources")))
            .ToListAsync(cancellationToken);
    }

    private sealed record Touching(
        DateTimeOffset OpenedAt, DateTimeOffset CreatedAt, string CommuneCode, string DepartmentCode, string NatureFamily,
        List<EngagedResource> Resources);
}
