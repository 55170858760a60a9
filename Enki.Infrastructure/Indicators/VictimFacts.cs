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
    /// order), read from the stream's victims-changed events. Each fact is dated by its bucket's start.
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
        var reports = rows
            .Select(r => (r.Event.SubjectId, r.Event.Sequence, r.Event.OccurredAt, r.CommuneCode, r.DepartmentCode,
                Victims: (EventCatalog.Read(r.Event)?.Event as IncidentVictimsChanged)?.Victims))
            .Where(r => r.Victims is not null)
            .GroupBy(r => r.SubjectId)
            .Select(g => g.OrderBy(r => r.OccurredAt).ThenBy(r => r.Sequence).ToList());
        var facts = new List<IndicatorFact>();
        foreach (var history in reports)
        {
            foreach (var (label, at) in instants)
            {
                var known = history.LastOrDefault(r => r.OccurredAt < at);
                if (known.Victims is not { } victims) continue;
                facts.AddRange(new Counts(label, known.CommuneCode, known.DepartmentCode, victims.Deceased, victims.Red, victims.Yellow,
                    victims.Green, victims.Missing, victims.Evacuated, victims.Displaced).Facts());
            }
        }
        return facts;
    }

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
