using Enki.Domain.Incidents;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The progress steps and final closings (<see cref="ProgressTimeline"/>) of real incidents that fall in a range of
/// time, read from the incidents and their status events: what the refresh writes into an hour of the
/// pre-aggregate, and what a reader takes for the hours the pre-aggregate cannot answer.
/// </summary>
internal static class ProgressChanges
{
    // Stored names of IncidentClosed and IncidentStatusChanged (EventCatalog): they never change.
    public const string Closed = "incident.closed";
    public const string StatusChanged = "incident.status-changed";

    public sealed record Change(DateTimeOffset At, string CommuneCode, string DepartmentCode, string ZoneCode, string? NatureFamily,
        int Started, int Ended, int Closed);

    /// <summary>
    /// Every step and final closing dated in [from, to) of the given incidents. Only an incident opened in the range or
    /// with a status report dated in it can have one there (steps lie at those times), so those two index-driven sets
    /// are read, then each one's whole status history.
    /// </summary>
    public static async Task<List<Change>> InAsync(
        EnkiDbContext db, IQueryable<Incident> incidents, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var reported = await db.Events.AsNoTracking()
            .Where(e => (e.Type == Closed || e.Type == StatusChanged) && e.OccurredAt >= from && e.OccurredAt < to && e.SubjectId != null)
            .Select(e => e.SubjectId!.Value).Distinct().ToListAsync(cancellationToken);
        var located = await incidents.Where(i => i.OpenedAt >= from && i.OpenedAt < to)
            .Select(i => new { i.Id, i.OpenedAt, i.CommuneCode, i.DepartmentCode, i.ZoneCode, i.NatureFamily })
            .ToListAsync(cancellationToken);
        var opened = located.Select(i => i.Id).ToHashSet();
        var others = reported.Where(id => !opened.Contains(id)).ToList();
        if (others.Count > 0)
        {
            located.AddRange(await incidents.Where(i => others.Contains(i.Id))
                .Select(i => new { i.Id, i.OpenedAt, i.CommuneCode, i.DepartmentCode, i.ZoneCode, i.NatureFamily })
                .ToListAsync(cancellationToken));
        }
        if (located.Count == 0) return [];
        var ids = located.Select(i => (Guid?)i.Id).ToList();
        var reports = (await db.Events.AsNoTracking()
                .Where(e => ids.Contains(e.SubjectId) && (e.Type == Closed || e.Type == StatusChanged))
                .Select(e => new { e.SubjectId, e.Sequence, e.OccurredAt, e.Type })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.SubjectId!.Value, e => new StatusReport(e.Sequence, e.OccurredAt, e.Type == Closed));
        var changes = new List<Change>();
        foreach (var incident in located)
        {
            var timeline = ProgressTimeline.Of(incident.OpenedAt, reports[incident.Id]);
            foreach (var step in timeline.Steps.Where(s => s.At >= from && s.At < to))
            {
                changes.Add(new Change(step.At, incident.CommuneCode, incident.DepartmentCode, incident.ZoneCode, incident.NatureFamily,
                    step.Change > 0 ? 1 : 0, step.Change < 0 ? 1 : 0, 0));
            }
            if (timeline.FinalClosing is { } closing && closing >= from && closing < to)
            {
                changes.Add(new Change(closing, incident.CommuneCode, incident.DepartmentCode, incident.ZoneCode, incident.NatureFamily, 0, 0, 1));
            }
        }
        return changes;
    }

    /// <summary>
    /// The changes of the territory's incidents in some ranges as groups of the view's grain, each dated by its hour
    /// when the view keeps hours (a step counts for the instants after its hour), else by the period's start.
    /// </summary>
    public static async Task<IReadOnlyList<OpenedGroup>> GroupsAsync(IndicatorFactQuery query, OpenedGrain grain,
        IEnumerable<(DateTimeOffset From, DateTimeOffset To)> ranges, CancellationToken cancellationToken)
    {
        var changes = new List<Change>();
        foreach (var (from, to) in ranges.Where(r => r.From < r.To))
        {
            changes.AddRange(await InAsync(query.Db, query.Real, from, to, cancellationToken));
        }
        return [.. changes
            .GroupBy(c => (
                At: grain.Hour ? OpenedHour.HourOf(c.At) : query.Request.From,
                Commune: grain.Commune ? c.CommuneCode : "",
                Department: grain.Department ? c.DepartmentCode : "",
                Family: grain.Family ? c.NatureFamily : null))
            .Select(g => new OpenedGroup(g.Key.At, g.Key.Commune, g.Key.Department, g.Key.Family, 0, 0, 0, 0, 0, 0, 0, 0,
                g.Sum(c => c.Closed), g.Sum(c => c.Started), g.Sum(c => c.Ended)))];
    }
}
