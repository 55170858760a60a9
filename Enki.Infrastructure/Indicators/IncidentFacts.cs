using Enki.Domain.Incidents;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// Facts about incidents as wholes: opened (by the sender's creation time), finally closed and in progress at an
/// instant (from the stream's status events, <see cref="ProgressTimeline"/>).
/// </summary>
internal static class IncidentFacts
{
    private const string Closed = ProgressChanges.Closed;
    private const string StatusChanged = ProgressChanges.StatusChanged;
    private static readonly IncidentStatus[] Active = [IncidentStatus.Reported, IncidentStatus.InProgress, IncidentStatus.Suspended];

    /// <summary>
    /// Incidents opened in the period, by commune and family: one fact per incident (or per aggregated hour)
    /// in a series, one per group otherwise (<see cref="OpenedHourReader"/>).
    /// </summary>
    public static async Task<IReadOnlyList<IndicatorFact>> OpenedAsync(IndicatorFactQuery query, CancellationToken cancellationToken) =>
        [.. (await OpenedHourReader.ReadAsync(query, OpenedSums.Openings, cancellationToken))
            .Where(g => g.Opened > 0) // a row may hold only progress changes
            .Select(g => new IndicatorFact(g.At, g.CommuneCode, g.DepartmentCode, g.NatureFamily, [g.Opened]))];

    /// <summary>
    /// Incidents finally closed, dated by their latest closing (the sender's time of the message), when that falls in the
    /// period (<see cref="ProgressTimeline.FinalClosing"/>): from the pre-aggregate's hours, the incidents for the rest.
    /// </summary>
    public static async Task<IReadOnlyList<IndicatorFact>> ClosedAsync(IndicatorFactQuery query, CancellationToken cancellationToken) =>
        [.. (await OpenedHourReader.ReadAsync(query, query.From, query.To, OpenedGrain.Of(query.Request), ProgressChanges.GroupsAsync, cancellationToken))
            .Where(g => g.Closed > 0)
            .Select(g => new IndicatorFact(g.At, g.CommuneCode, g.DepartmentCode, g.NatureFamily, [g.Closed]))];

    /// <summary>
    /// Incidents in progress at the end of each bucket (a series) or at the end of the period: the sum of their progress
    /// steps before each instant (<see cref="ProgressTimeline"/>), the pre-aggregate's for the whole history before the first
    /// instant's hour, then hour by hour, the incidents' for the marked hours and for the part of an instant's own hour
    /// before it. Each fact is dated by its bucket's start. Where no pre-aggregate serves, read from the incidents alone.
    /// </summary>
    public static async Task<IReadOnlyList<IndicatorFact>> InProgressAsync(IndicatorFactQuery query, CancellationToken cancellationToken)
    {
        if (!await OpenedHourReader.ServesAsync(query, cancellationToken))
        {
            return await InProgressFromIncidentsAsync(query, cancellationToken);
        }
        var instants = query.Instants.OrderBy(i => i.At).ToList();
        var (first, last) = (OpenedHour.HourOf(instants[0].At), OpenedHour.HourOf(instants[^1].At));
        var grain = OpenedGrain.Of(query.Request);
        var running = new Dictionary<(string, string, string?), int>();
        Add(running, grain, await OpenedHourReader.ReadAsync(query, HistoryStart, first, grain.WithoutHour(), ProgressChanges.GroupsAsync, cancellationToken));
        var hours = first < last
            ? (await OpenedHourReader.ReadAsync(query, first, last, grain with { Hour = true }, ProgressChanges.GroupsAsync, cancellationToken)).OrderBy(g => g.At).ToList()
            : [];
        var facts = new List<IndicatorFact>();
        var next = 0;
        foreach (var (label, at) in instants)
        {
            // An hour's steps count for the instants from its end on.
            var hour = OpenedHour.HourOf(at);
            for (; next < hours.Count && hours[next].At < hour; next++) Add(running, grain, [hours[next]]);
            var counts = running;
            if (hour < at)
            {
                counts = new Dictionary<(string, string, string?), int>(running);
                Add(counts, grain, await ProgressChanges.GroupsAsync(query, grain with { Hour = false }, [(hour, at)], cancellationToken));
            }
            facts.AddRange(counts.Where(c => c.Value > 0)
                .Select(c => new IndicatorFact(label, c.Key.Item1, c.Key.Item2, c.Key.Item3, [c.Value])));
        }
        return facts;
    }

    /// <summary>Before any incident Enki can hold: the start of the history an instant's count sums.</summary>
    private static readonly DateTimeOffset HistoryStart = DateTimeOffset.UnixEpoch;

    /// <summary>Adds the groups' steps by the view's keys (the history's sum may keep families the view does not).</summary>
    private static void Add(Dictionary<(string, string, string?), int> running, OpenedGrain grain, IEnumerable<OpenedGroup> groups)
    {
        foreach (var g in groups)
        {
            var key = (g.CommuneCode, g.DepartmentCode, grain.Family ? g.NatureFamily : null);
            running[key] = running.GetValueOrDefault(key) + g.Started - g.Ended;
        }
    }

    /// <summary>
    /// <see cref="InProgressAsync"/> from the incidents alone (a crisis's territory, a pre-aggregate not built yet): opened
    /// by each instant, and the last status event by then (in the order Enki applied them) is not a closing.
    /// </summary>
    private static async Task<IReadOnlyList<IndicatorFact>> InProgressFromIncidentsAsync(IndicatorFactQuery query, CancellationToken cancellationToken)
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
