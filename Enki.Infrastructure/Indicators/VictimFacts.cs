using Enki.Domain.Incidents;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Indicators.Aggregates;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>Victims of the incidents opened in the period, latest counts, one fact per category and incident (or group).</summary>
internal static class VictimFacts
{
    public static async Task<IReadOnlyList<IndicatorFact>> OfOpenedAsync(IndicatorFactQuery query, CancellationToken cancellationToken) =>
        [.. (await OpenedHourReader.ReadAsync(query, OpenedSums.OpeningsAndVictims, cancellationToken))
            .SelectMany(g => new Counts(g.At, g.CommuneCode, g.DepartmentCode, g.Deceased, g.Red, g.Yellow, g.Green, g.Missing, g.Evacuated, g.Displaced).Facts())];

    // Stored name of IncidentVictimsChanged (EventCatalog): it never changes.
    internal const string VictimsChanged = "incident.victims-changed";

    /// <summary>
    /// Victims of the incidents opened in the period as known at the end of each bucket (a series) or of the
    /// period: each incident's last count reported before that instant (the sender's time, then the stream's
    /// order), read from the stream's victims-changed events. Each fact is dated by its bucket's start and sums
    /// the incidents of one place of the view's grain (a series keeps no place, a map its communes or departments).
    /// The whole opening hours no mark calls stale come from the pre-aggregate of the reports' changes (<see cref="VictimChangeReader"/>),
    /// the others from the events of the incidents opened in them; both are summed as changes before any count is shown.
    /// </summary>
    public static async Task<IReadOnlyList<IndicatorFact>> KnownOverTimeAsync(IndicatorFactQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = (query.From, query.To);
        var instants = query.Instants;
        var last = instants.Max(i => i.At);
        var known = new KnownChanges([.. instants.Select(i => i.At)], OpenedGrain.Of(query.Request));
        var plan = await HourPlan.OfAsync(query, from, to, query.VictimChanges is not null, cancellationToken, OpenedHourMark.VictimsEverything);
        if (plan is null)
        {
            known.Add(await ReportedChangesAsync(query, last, cancellationToken));
            return known.Facts(instants);
        }
        foreach (var (start, end) in plan.FromIncidents)
        {
            if (start >= end) continue;
            // A partial or marked hour holds a few hundred incidents at most, found by their opening time.
            var opened = await query.Real.Where(i => i.OpenedAt >= start && i.OpenedAt < end)
                .Select(i => new ReportingIncident(i.Id, i.CommuneCode, i.DepartmentCode, i.ZoneCode)).ToListAsync(cancellationToken);
            known.Add(await ChangesAsync(query.Db, opened, last, cancellationToken));
        }
        known.Add(await VictimChangeReader.ReadAsync(query, plan, last, cancellationToken));
        return known.Facts(instants);
    }

    /// <summary>An incident whose victims reports are read, with its place.</summary>
    internal sealed record ReportingIncident(Guid Id, string CommuneCode, string DepartmentCode, string ZoneCode);

    /// <summary>
    /// What one report (or reports sharing a time and place) changed in the counts, by category in the order of
    /// <see cref="IndicatorCatalogue.VictimCategories"/>. <paramref name="At"/> is the report's time in UTC, or any time before the
    /// view's last instant when it keeps only that one.
    /// </summary>
    internal sealed record Change(DateTimeOffset At, string CommuneCode, string DepartmentCode, string ZoneCode, int[] ByCategory);

    /// <summary>
    /// The whole period from the incidents, in three steps so no plan walks the territory's incidents or the stream's millions of
    /// other events: the incidents with a count before the last instant (a partial index holds only these events' times and
    /// subjects), those of them opened in the period and the viewer's territory, then their counts.
    /// </summary>
    private static async Task<List<Change>> ReportedChangesAsync(IndicatorFactQuery query, DateTimeOffset last, CancellationToken cancellationToken)
    {
        var (from, to) = (query.From, query.To);
        // The lists go as one JSON parameter each: tens of thousands of parameters take seconds to prepare.
        // Neither DISTINCT nor « is not null » in SQL: SQLite would then walk the index of all subjects instead.
        var reported = (await query.Db.Events.AsNoTracking()
            .Where(e => e.Type == VictimsChanged && e.OccurredAt < last)
            .Select(e => e.SubjectId).ToListAsync(cancellationToken))
            .OfType<Guid>().Distinct().ToList();
        var incidents = await query.Real.Where(i => i.OpenedAt >= from && i.OpenedAt < to && EF.Parameter(reported).Contains(i.Id))
            .Select(i => new ReportingIncident(i.Id, i.CommuneCode, i.DepartmentCode, i.ZoneCode))
            .ToListAsync(cancellationToken);
        return await ChangesAsync(query.Db, incidents, last, cancellationToken);
    }

    /// <summary>The changes of the given incidents' reports (dated before <paramref name="before"/>, when given), read from the stream by subject.</summary>
    internal static async Task<List<Change>> ChangesAsync(
        EnkiDbContext db, IReadOnlyCollection<ReportingIncident> incidents, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        if (incidents.Count == 0) return [];
        var ids = incidents.Select(i => (Guid?)i.Id).ToList();
        var events = db.Events.AsNoTracking().Where(e => e.Type == VictimsChanged && EF.Parameter(ids).Contains(e.SubjectId));
        if (before is { } last)
        {
            events = events.Where(e => e.OccurredAt < last);
        }
        var bySubject = (await events.ToListAsync(cancellationToken)).ToLookup(e => e.SubjectId!.Value);
        return [.. incidents.SelectMany(i => ChangesOf(i, bySubject[i.Id]))];
    }

    /// <summary>
    /// Each report of one incident as its counts less the incident's previous report's, in the order of the reports (the
    /// sender's time, then the stream's): summed from the first instant after each, these give the last count before any instant.
    /// A report that changes nothing is left out.
    /// </summary>
    internal static IEnumerable<Change> ChangesOf(ReportingIncident incident, IEnumerable<StoredEvent> events)
    {
        var previous = new int[Categories];
        foreach (var report in events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Sequence))
        {
            if ((EventCatalog.Read(report)?.Event as IncidentVictimsChanged)?.Victims is not { } victims) continue;
            var counts = Counts.Of(report.OccurredAt, incident.CommuneCode, incident.DepartmentCode, victims).ByCategory;
            var change = counts.Select((count, category) => count - previous[category]).ToArray();
            previous = counts;
            if (change.Any(c => c != 0))
            {
                yield return new Change(report.OccurredAt.ToUniversalTime(), incident.CommuneCode, incident.DepartmentCode, incident.ZoneCode, change);
            }
        }
    }

    /// <summary>Changes summed by place of the view's grain and category from the first instant after them; then the counts known at each instant.</summary>
    private sealed class KnownChanges(DateTimeOffset[] ends, OpenedGrain grain)
    {
        private readonly Dictionary<((string Commune, string Department) Place, int Category), int[]> _changes = [];

        public void Add(IEnumerable<Change> changes)
        {
            foreach (var change in changes)
            {
                var first = FirstInstantAfter(ends, change.At);
                if (first == ends.Length) continue;
                var place = (grain.Commune ? change.CommuneCode : "", grain.Department ? change.DepartmentCode : "");
                for (var category = 0; category < Categories; category++)
                {
                    if (change.ByCategory[category] == 0) continue;
                    if (!_changes.TryGetValue((place, category), out var byInstant))
                    {
                        _changes[(place, category)] = byInstant = new int[ends.Length];
                    }
                    byInstant[first] += change.ByCategory[category];
                }
            }
        }

        public List<IndicatorFact> Facts(IReadOnlyList<(DateTimeOffset Label, DateTimeOffset At)> instants)
        {
            var facts = new List<IndicatorFact>();
            foreach (var ((place, category), byInstant) in _changes)
            {
                var known = 0;
                for (var i = 0; i < byInstant.Length; i++)
                {
                    known += byInstant[i];
                    if (known > 0)
                    {
                        facts.Add(new IndicatorFact(instants[i].Label, place.Commune, place.Department, IndicatorCatalogue.VictimCategories[category].Code, [known]));
                    }
                }
            }
            return facts;
        }
    }

    internal static int Categories => IndicatorCatalogue.VictimCategories.Count;

    /// <summary>The index of the first instant strictly after <paramref name="at"/> (a count reported at an instant is not yet known then).</summary>
    private static int FirstInstantAfter(DateTimeOffset[] ends, DateTimeOffset at)
    {
        var index = Array.BinarySearch(ends, at);
        return index >= 0 ? index + 1 : ~index;
    }

    private sealed record Counts(
        DateTimeOffset At, string CommuneCode, string DepartmentCode,
        int Deceased, int Red, int Yellow, int Green, int Missing, int Evacuated, int Displaced)
    {
        public static Counts Of(DateTimeOffset at, string communeCode, string departmentCode, IncidentVictims v) =>
            new(at, communeCode, departmentCode, v.Deceased, v.Red, v.Yellow, v.Green, v.Missing, v.Evacuated, v.Displaced);

        /// <summary>In the order of <see cref="IndicatorCatalogue.VictimCategories"/>.</summary>
        public int[] ByCategory => [Deceased, Red, Yellow, Green, Missing, Evacuated, Displaced];

        public IEnumerable<IndicatorFact> Facts() =>
            ByCategory
                .Select((count, i) => (count, IndicatorCatalogue.VictimCategories[i].Code))
                .Where(c => c.count > 0)
                .Select(c => new IndicatorFact(At, CommuneCode, DepartmentCode, c.Code, [c.count]));
    }
}
