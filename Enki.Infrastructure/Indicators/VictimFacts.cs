using Enki.Domain.Incidents;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>Victims of the incidents opened in the period, latest counts, one fact per category and incident (or group).</summary>
internal static class VictimFacts
{
    public static async Task<IReadOnlyList<IndicatorFact>> OfOpenedAsync(IndicatorFactQuery query, CancellationToken cancellationToken) =>
        [.. (await OpenedHourReader.ReadAsync(query, cancellationToken))
            .SelectMany(g => new Counts(g.At, g.CommuneCode, g.DepartmentCode, g.Deceased, g.Red, g.Yellow, g.Green, g.Missing, g.Evacuated, g.Displaced).Facts())];

    // Stored name of IncidentVictimsChanged (EventCatalog): it never changes.
    internal const string VictimsChanged = "incident.victims-changed";

    /// <summary>
    /// Victims of the incidents opened in the period as known at the end of each bucket (a series) or of the
    /// period: each incident's last count reported before that instant (the sender's time, then the stream's
    /// order), read from the stream's victims-changed events. Each fact is dated by its bucket's start and sums
    /// the incidents of one place of the view's grain (a series keeps no place, a map its communes or departments).
    /// </summary>
    public static async Task<IReadOnlyList<IndicatorFact>> KnownOverTimeAsync(IndicatorFactQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = (query.From, query.To);
        var instants = query.Instants;
        var last = instants.Max(i => i.At);
        // In three steps, so no plan walks the territory's incidents or the stream's millions of other events: the
        // incidents with a count before the last instant (a partial index holds only these events' times and
        // subjects), those of them opened in the period and the viewer's territory, then their counts. The lists
        // go as one JSON parameter each: tens of thousands of parameters take seconds to prepare.
        // Neither DISTINCT nor « is not null » in SQL: SQLite would then walk the index of all subjects instead.
        var reported = (await query.Db.Events.AsNoTracking()
            .Where(e => e.Type == VictimsChanged && e.OccurredAt < last)
            .Select(e => e.SubjectId).ToListAsync(cancellationToken))
            .OfType<Guid>().Distinct().ToList();
        var places = await query.Real.Where(i => i.OpenedAt >= from && i.OpenedAt < to && EF.Parameter(reported).Contains(i.Id))
            .Select(i => new { i.Id, i.CommuneCode, i.DepartmentCode })
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var followed = places.Keys.Select(id => (Guid?)id).ToList();
        var events = await query.Db.Events.AsNoTracking()
            .Where(e => e.Type == VictimsChanged && e.OccurredAt < last && EF.Parameter(followed).Contains(e.SubjectId))
            .ToListAsync(cancellationToken);
        var grain = OpenedGrain.Of(query.Request);
        var reports = events
            .Select(e => (e.SubjectId, e.Sequence, e.OccurredAt, Incident: places[e.SubjectId!.Value],
                Victims: (EventCatalog.Read(e)?.Event as IncidentVictimsChanged)?.Victims))
            .Where(r => r.Victims is not null)
            .Select(r => (r.SubjectId, r.Sequence, r.OccurredAt, r.Victims,
                Place: (Commune: grain.Commune ? r.Incident.CommuneCode : "", Department: grain.Department ? r.Incident.DepartmentCode : "")))
            .GroupBy(r => r.SubjectId);

        // What each report changes from the first instant after it (its count less the incident's previous one):
        // summed from the first instant on, these give every incident's last count before each instant.
        var changes = new Dictionary<((string Commune, string Department) Place, int Category), int[]>();
        var ends = instants.Select(i => i.At).ToArray();
        foreach (var incident in reports)
        {
            var previous = new int[Categories];
            foreach (var report in incident.OrderBy(r => r.OccurredAt).ThenBy(r => r.Sequence))
            {
                var first = FirstInstantAfter(ends, report.OccurredAt);
                var counts = Counts.Of(report.OccurredAt, report.Place.Commune, report.Place.Department, report.Victims!).ByCategory;
                for (var category = 0; category < Categories; category++)
                {
                    var change = counts[category] - previous[category];
                    if (change == 0 || first == ends.Length) continue;
                    if (!changes.TryGetValue((report.Place, category), out var byInstant))
                    {
                        changes[(report.Place, category)] = byInstant = new int[ends.Length];
                    }
                    byInstant[first] += change;
                }
                previous = counts;
            }
        }

        var facts = new List<IndicatorFact>();
        foreach (var ((place, category), byInstant) in changes)
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

    private static int Categories => IndicatorCatalogue.VictimCategories.Count;

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
