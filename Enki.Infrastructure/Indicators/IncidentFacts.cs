using Enki.Domain.Incidents;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// Facts about incidents as wholes: opened (by the sender's creation time), closed (by the stream's
/// closing events), in progress at an instant (the last status event known at that instant).
/// </summary>
internal static class IncidentFacts
{
    // Stored names of IncidentClosed and IncidentStatusChanged (EventCatalog): they never change.
    private const string Closed = "incident.closed";
    private const string StatusChanged = "incident.status-changed";
    private static readonly IncidentStatus[] Active = [IncidentStatus.Reported, IncidentStatus.InProgress, IncidentStatus.Suspended];

    /// <summary>
    /// Incidents opened in the period, by commune and family: one fact per incident (or per aggregated hour)
    /// in a series, one per group otherwise (<see cref="OpenedHourReader"/>).
    /// </summary>
    public static async Task<IReadOnlyList<IndicatorFact>> OpenedAsync(IndicatorFactQuery query, CancellationToken cancellationToken) =>
        [.. (await OpenedHourReader.ReadAsync(query, cancellationToken))
            .Select(g => new IndicatorFact(g.At, g.CommuneCode, g.DepartmentCode, g.NatureFamily, [g.Opened]))];

    /// <summary>Incidents whose last closing in the period falls in it, dated by that closing (the sender's time of the message).</summary>
    public static async Task<IReadOnlyList<IndicatorFact>> ClosedAsync(IndicatorFactQuery query, CancellationToken cancellationToken)
    {
        var (start, end) = (query.From, query.To);
        var closings = await (
                from e in query.Db.Events.AsNoTracking()
                where e.Type == Closed && e.OccurredAt >= start && e.OccurredAt < end
                join i in query.Real on e.SubjectId equals i.Id
                select new { i.Id, e.OccurredAt, i.CommuneCode, i.DepartmentCode, i.NatureFamily })
            .ToListAsync(cancellationToken);
        return closings.GroupBy(c => c.Id)
            .Select(g => g.MaxBy(c => c.OccurredAt)!)
            .Select(c => IndicatorFact.One(c.OccurredAt, c.CommuneCode, c.DepartmentCode, c.NatureFamily)).ToList();
    }

    /// <summary>
    /// Incidents in progress at the end of each bucket (a series) or at the end of the period: opened by then,
    /// and the last status event by then (in the order Enki applied them) is not a closing. Each fact is dated
    /// by its bucket's start.
    /// </summary>
    public static async Task<IReadOnlyList<IndicatorFact>> InProgressAsync(IndicatorFactQuery query, CancellationToken cancellationToken)
    {
        var instants = query.Instants;
        var (first, last) = (instants.Min(i => i.At), instants.Max(i => i.At));
        // Every incident that may be in progress at one of the instants: opened before the last, and still
        // active, or closed with its status last moved at or after the first (the status clock never runs
        // behind a closing). Two index-driven sets (by status, then by receipt time, which follows the sender's
        // clock within a day) rather than one "OR" that reads the territory's whole history.
        var receivedSince = first - IndicatorFactQuery.ClockMargin;
        var candidates = query.Real.Where(i => Active.Contains(i.Status) && i.OpenedAt < last)
            .Concat(query.Real.Where(i => !Active.Contains(i.Status) && i.UpdatedAt >= receivedSince && i.StatusAsOf >= first && i.OpenedAt < last));
        var incidents = await candidates.Select(i => new { i.Id, i.OpenedAt, i.CommuneCode, i.DepartmentCode, i.NatureFamily })
            .ToListAsync(cancellationToken);
        var statuses = (await (
                    from e in query.Db.Events.AsNoTracking()
                    where (e.Type == Closed || e.Type == StatusChanged) && e.OccurredAt < last
                    join i in candidates on e.SubjectId equals i.Id
                    select new { Id = i.Id, e.Sequence, e.OccurredAt, e.Type })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.Id);
        var facts = new List<IndicatorFact>();
        foreach (var incident in incidents)
        {
            var history = statuses[incident.Id].OrderBy(s => s.Sequence).ToList();
            foreach (var (label, at) in instants)
            {
                if (incident.OpenedAt >= at) continue;
                var lastKnown = history.LastOrDefault(s => s.OccurredAt < at);
                if (lastKnown is null || lastKnown.Type != Closed)
                {
                    facts.Add(IndicatorFact.One(label, incident.CommuneCode, incident.DepartmentCode, incident.NatureFamily));
                }
            }
        }
        return facts;
    }
}
