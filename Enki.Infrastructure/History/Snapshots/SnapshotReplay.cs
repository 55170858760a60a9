using Enki.Domain.History;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.History.Snapshots;

/// <summary>
/// The past from the latest snapshot before the instant plus the events after it: what a replay of the whole stream
/// gives, reading only the snapshot's rows of the scope and the scope's events since. Each incident is replayed on its
/// own, so the few whose snapshot row cannot be carried on are rebuilt from their own events: those a late event
/// (numbered after the snapshot was read, falling before it) touches, those placed elsewhere by an event since their
/// opening, and those the snapshot left out (closed long before) that an event after it touches.
/// </summary>
internal static class SnapshotReplay
{
    /// <param name="events">The stream already narrowed to the viewer, the scope and real incident events.</param>
    /// <param name="rows">The snapshot rows narrowed the same way.</param>
    /// <param name="closedSince">Closed cases opened from then on are needed (a crisis counts all of its own).</param>
    /// <returns>Null when no snapshot serves: the caller replays the whole stream.</returns>
    public static async Task<IReadOnlyList<IncidentThen>?> KnownAtAsync(EnkiDbContext db, IQueryable<StoredEvent> events,
        IQueryable<PastSnapshotRow> rows, DateTimeOffset instant, HistoryClock clock, DateTimeOffset closedSince, CancellationToken cancellationToken)
    {
        var snapshot = await db.PastSnapshotInstants.AsNoTracking()
            .Where(s => s.Clock == clock && s.At <= instant).OrderByDescending(s => s.At).FirstOrDefaultAsync(cancellationToken);
        if (snapshot is null || closedSince < snapshot.At - PastSnapshots.ClosedKept) return null;

        var kept = await rows.AsNoTracking().Where(r => r.Clock == clock && r.At == snapshot.At).ToListAsync(cancellationToken);
        var tail = await PastSnapshots.ReadAsync(events.Between(clock, snapshot.At, instant), cancellationToken);
        // Distinct here, not in SQL: with DISTINCT, SQLite walks the whole SubjectId index (every event of the history)
        // instead of the few numbered after the snapshot was read.
        var rebuild = (await events.LateFor(clock, snapshot.UpToSequence, snapshot.At)
            .Select(e => e.SubjectId).ToListAsync(cancellationToken)).OfType<Guid>().ToHashSet();
        rebuild.UnionWith(kept.Where(r => r.Moved).Select(r => r.IncidentId));
        var inSnapshot = kept.Select(r => r.IncidentId).ToHashSet();
        var openedSince = tail.Where(e => e.Event is IncidentOpened).Select(e => e.Event.Incident.IncidentId).ToHashSet();
        rebuild.UnionWith(tail.Select(e => e.Event.Incident.IncidentId).Where(id => !inSnapshot.Contains(id) && !openedSince.Contains(id)));

        var carried = PastSituation.Replay(
            kept.Where(r => !rebuild.Contains(r.IncidentId)).Select(r => r.ToThen()),
            tail.Where(e => !rebuild.Contains(e.Event.Incident.IncidentId)), instant, clock);
        var rebuiltIds = rebuild.Select(id => (Guid?)id).ToList();
        var rebuilt = rebuild.Count == 0 ? [] : PastSituation.KnownAt(
            await PastSnapshots.ReadAsync(events.Between(clock, null, instant).Where(e => rebuiltIds.Contains(e.SubjectId)), cancellationToken),
            instant, clock);
        var known = carried.Concat(rebuilt).OrderBy(i => i.OpenedAt).ThenBy(i => i.CaseId, StringComparer.Ordinal).ToList();
        // The latest cases shown are the newest known; those the snapshot left out are older than its 24 hours.
        var recent = snapshot.At - PastSnapshots.ClosedKept;
        return known.Count(i => i.OpenedAt >= recent) < DashboardQueries.LatestCount ? null : known;
    }
}
