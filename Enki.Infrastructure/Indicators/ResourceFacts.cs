using System.Linq.Expressions;
using Enki.Domain.Incidents;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Enki.Infrastructure.Persistence;
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

    /// <summary>How far the two bounds of <see cref="InAsync"/> are counted to choose between them.</summary>
    private const int NarrowingCount = 20_000;

    /// <summary>RC-RI « Arrivé sur les lieux »: the first resource on scene ends the coverage time.</summary>
    public const string OnScene = "ARRIVEE";

    /// <summary>
    /// One resource's fact on one incident: its first known status (« moyens engagés »), or its release with the time from
    /// that first status (« durée d'engagement »), in ticks, the unit it is computed in; minutes only on output.
    /// </summary>
    public sealed record Fact(DateTimeOffset At, string CommuneCode, string DepartmentCode, string ZoneCode, string Kind, bool Released, long DurationTicks);

    /// <summary>An incident as the resource facts need it.</summary>
    public sealed record ResourceIncident(
        DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt, string CommuneCode, string DepartmentCode, string ZoneCode, List<EngagedResource> Resources);

    /// <summary>
    /// The facts of an incident: each resource's first status, and its release when its current status frees it; only those dated
    /// within a <see cref="IndicatorFactQuery.ClockMargin"/> of what Enki knows of the incident (not more than that before its opening,
    /// nor after its latest receipt: a sender's clock gone wrong). Decided by each fact alone, never by the period read, so that a period's
    /// facts are exactly those of its hours, and the pre-aggregate's hours add up to what the incidents give.
    /// </summary>
    public static IEnumerable<Fact> Of(ResourceIncident incident)
    {
        var (notBefore, notAfter) = (incident.OpenedAt - IndicatorFactQuery.ClockMargin, incident.UpdatedAt + IndicatorFactQuery.ClockMargin);
        foreach (var resource in incident.Resources)
        {
            // A kind longer than the pre-aggregate's column is cut here, so the refresh never fails on it and both paths agree.
            var (kind, first) = (KindOf(resource), resource.History[0].At);
            if (first > notBefore && first <= notAfter)
            {
                yield return new Fact(first, incident.CommuneCode, incident.DepartmentCode, incident.ZoneCode, kind, false, 0);
            }
            var release = resource.Current.At;
            if (resource.IsReleased && release > notBefore && release <= notAfter)
            {
                yield return new Fact(release, incident.CommuneCode, incident.DepartmentCode, incident.ZoneCode, kind, true, (release - first).Ticks);
            }
        }
    }

    private static string KindOf(EngagedResource resource) =>
        resource.Kind is not { } kind ? UnknownKind : kind.Length <= ResourceHour.MaxKindLength ? kind : kind[..ResourceHour.MaxKindLength];

    /// <summary>
    /// The facts of the real incidents dated in [from, to). Once every incident carries the span of its resources' status times
    /// (<see cref="EnkiDbContext.ResourceStatusSpan"/>, written by every save and, for the incidents stored before, by the first build of
    /// <see cref="ResourceHour"/>), only the incidents whose span meets the period are read. Until then, only an incident opened before a
    /// clock margin after the period, and received since a clock margin before it, can hold one (<see cref="Of"/>).
    /// </summary>
    public static async Task<List<Fact>> InAsync(
        EnkiDbContext db, IQueryable<Incident> real, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // SQLite narrows by one index only (it took the receipts' even for an hour a year back, every incident received since): the
        // bound holding fewer real incidents of all, counted up to a cap in its index alone, is the one asked. Counted over all incidents,
        // not the territory's: a territory's filter would make the count read the table.
        IQueryable<Incident> touching;
        if (!await ResourceHourBuild.PendingAsync(db, cancellationToken))
        {
            // Counted over all incidents, exercises too: the span indexes do not hold the flag. The other end is checked in the same
            // index; through COALESCE, which no index serves, so SQLite cannot take its own index instead.
            var spans = db.Incidents.AsNoTracking();
            var (endingSince, startingBefore) = (
                await spans.Where(i => EF.Property<DateTimeOffset?>(i, EnkiDbContext.LastResourceStatusAt) >= from)
                    .Take(NarrowingCount).CountAsync(cancellationToken),
                await spans.Where(i => EF.Property<DateTimeOffset?>(i, EnkiDbContext.FirstResourceStatusAt) < to)
                    .Take(NarrowingCount).CountAsync(cancellationToken));
            Expression<Func<Incident, bool>> span = endingSince <= startingBefore
                ? i => EF.Property<DateTimeOffset?>(i, EnkiDbContext.LastResourceStatusAt) >= from
                       && (EF.Property<DateTimeOffset?>(i, EnkiDbContext.FirstResourceStatusAt) ?? to) < to
                : i => EF.Property<DateTimeOffset?>(i, EnkiDbContext.FirstResourceStatusAt) < to
                       && (EF.Property<DateTimeOffset?>(i, EnkiDbContext.LastResourceStatusAt) ?? from.AddSeconds(-1)) >= from;
            // Few: read from the span's index before the territory's filter (at 5 M incidents, department 77's partial hour took 0.8 s
            // through the department's index, 0.03 s so). Many: the territory's index may be the narrower, and the planner chooses.
            touching = Math.Min(endingSince, startingBefore) < NarrowingCount ? real.AmongThoseOf(spans.Where(span)) : real.Where(span);
        }
        else
        {
            // The facts' own rule applies the other bound.
            var exercise = false;
            var all = db.Incidents.AsNoTracking().Where(i => i.IsExercise == exercise);
            var (openedBefore, receivedSince) = (to + IndicatorFactQuery.ClockMargin, from - IndicatorFactQuery.ClockMargin);
            var openedFirst = await all.Where(i => i.OpenedAt < openedBefore).Take(NarrowingCount).CountAsync(cancellationToken)
                              <= await all.Where(i => i.UpdatedAt >= receivedSince).Take(NarrowingCount).CountAsync(cancellationToken);
            touching = openedFirst ? real.Where(i => i.OpenedAt < openedBefore) : real.Where(i => i.UpdatedAt >= receivedSince);
        }
        var incidents = await touching
            .Select(i => new ResourceIncident(i.OpenedAt, i.UpdatedAt, i.CommuneCode, i.DepartmentCode, i.ZoneCode,
                EF.Property<List<EngagedResource>>(i, "_resources")))
            .ToListAsync(cancellationToken);
        return [.. incidents.SelectMany(Of).Where(f => f.At >= from && f.At < to)];
    }

    /// <summary>
    /// A fact (or <paramref name="times"/> alike) as an indicator's: a count of engaged resources, or a release's minutes standing
    /// for <paramref name="times"/> releases.
    /// </summary>
    public static IndicatorFact IndicatorFactOf(DateTimeOffset at, string communeCode, string departmentCode, string? kind, bool released, long durationTicks, long times = 1) =>
        released
            ? new IndicatorFact(at, communeCode, departmentCode, kind, [TimeSpan.FromTicks(durationTicks).TotalMinutes], Times: times)
            : new IndicatorFact(at, communeCode, departmentCode, kind, [times]);

    /// <summary>The coverage of one incident (or of <paramref name="Times"/> incidents with the same durations) as a fact.</summary>
    public static IndicatorFact CoverageFact(DateTimeOffset at, string communeCode, string departmentCode, string? family,
        long totalTicks, long alertTicks, long times = 1) =>
        new(at, communeCode, departmentCode, family,
            [TimeSpan.FromTicks(totalTicks).TotalMinutes, TimeSpan.FromTicks(alertTicks).TotalMinutes, TimeSpan.FromTicks(totalTicks - alertTicks).TotalMinutes],
            Times: times);

    /// <summary>
    /// Incidents that share one exact duration in one part of the coverage (0 the total, 1 the alert handling, 2 the travel), the other
    /// parts unknown (NaN): a pre-aggregate read part by part. The percentiles of a part skip the facts of the others, and the count is the totals'.
    /// </summary>
    public static IndicatorFact CoveragePartFact(DateTimeOffset at, string departmentCode, string? family, int part, long ticks, long times)
    {
        double[] values = [double.NaN, double.NaN, double.NaN];
        values[part] = TimeSpan.FromTicks(ticks).TotalMinutes;
        return new(at, "", departmentCode, family, values, Times: times);
    }

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
}
