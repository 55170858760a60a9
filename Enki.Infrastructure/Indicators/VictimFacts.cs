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
    private const string VictimsChanged = "incident.victims-changed";

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
        var opened = query.Real.Where(i => i.OpenedAt >= from && i.OpenedAt < to);
        var rows = await (
                from e in query.Db.Events.AsNoTracking()
                where e.Type == VictimsChanged && e.OccurredAt < last
                join i in opened on e.SubjectId equals i.Id
                select new { Event = e, i.CommuneCode, i.DepartmentCode })
            .ToListAsync(cancellationToken);
        var grain = OpenedGrain.Of(query.Request);
        var reports = rows
            .Select(r => (r.Event.SubjectId, r.Event.Sequence, r.Event.OccurredAt,
                Place: (Commune: grain.Commune ? r.CommuneCode : "", Department: grain.Department ? r.DepartmentCode : ""),
                Victims: (EventCatalog.Read(r.Event)?.Event as IncidentVictimsChanged)?.Victims))
            .Where(r => r.Victims is not null)
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
                var counts = CountsOf(report.Victims!);
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

    // In the order of IndicatorCatalogue.VictimCategories.
    private static int[] CountsOf(IncidentVictims v) => [v.Deceased, v.Red, v.Yellow, v.Green, v.Missing, v.Evacuated, v.Displaced];

    private sealed record Counts(
        DateTimeOffset At, string CommuneCode, string DepartmentCode,
        int Deceased, int Red, int Yellow, int Green, int Missing, int Evacuated, int Displaced)
    {
        // In the order of IndicatorCatalogue.VictimCategories.
        public IEnumerable<IndicatorFact> Facts() =>
            new[] { Deceased, Red, Yellow, Green, Missing, Evacuated, Displaced }
                .Select((count, i) => (count, IndicatorCatalogue.VictimCategories[i].Code))
                .Where(c => c.count > 0)
                .Select(c => new IndicatorFact(At, CommuneCode, DepartmentCode, c.Code, [c.count]));
    }
}
