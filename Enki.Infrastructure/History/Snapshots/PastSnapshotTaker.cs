using System.Diagnostics;
using Enki.Domain.History;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.History.Snapshots;

/// <summary>
/// Takes the past's snapshots on both clocks and keeps them right. Each run first mends the snapshots that late events
/// touch — an event numbered after a snapshot was read that falls before its instant (a NexSIS message that arrived
/// late, as it was; a commit that landed after its snapshot, as known) — by replaying those incidents alone at each
/// snapshot from then on, and moves every snapshot's <see cref="PastSnapshotInstant.UpToSequence"/> to the stream's head.
/// It then takes the snapshots now due, each from the one before and the events between them.
/// </summary>
public sealed class PastSnapshotTaker(IDbContextFactory<EnkiDbContext> dbFactory, TimeProvider clock, IOptions<HistoryOptions> options)
{
    /// <summary>Mends, then takes what is due within the run's budget; returns the snapshots taken.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var taken = 0;
        foreach (var on in (HistoryClock[])[HistoryClock.AsKnown, HistoryClock.AsItWas])
        {
            var head = await HeadAsync(cancellationToken);
            await MendAsync(on, head, cancellationToken);
            taken += await TakeDueAsync(on, head, watch, cancellationToken);
        }
        return taken;
    }

    private async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.StreamHeadAsync(cancellationToken);
    }

    private async Task MendAsync(HistoryClock on, long head, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var instants = await db.PastSnapshotInstants.AsNoTracking().Where(s => s.Clock == on).OrderBy(s => s.At).ToListAsync(cancellationToken);
        if (instants.Count == 0) return;
        var from = instants.Min(s => s.UpToSequence);
        if (from >= head) return;
        var events = db.Events.AsNoTracking().IncidentEvents().Where(e => e.Sequence <= head);
        var late = await events.LateFor(on, from, instants[^1].At)
            .Select(e => new { e.SubjectId, e.RecordedAt, e.OccurredAt }).ToListAsync(cancellationToken);
        var earliest = late.Where(e => e.SubjectId != null)
            .GroupBy(e => e.SubjectId!.Value)
            .ToDictionary(g => g.Key, g => g.Min(e => on == HistoryClock.AsKnown ? e.RecordedAt : e.OccurredAt));
        var mended = new List<PastSnapshotRow>();
        foreach (var (incident, since) in earliest)
        {
            var its = await PastSnapshots.ReadAsync(events.Where(e => e.SubjectId == incident), cancellationToken);
            foreach (var instant in instants.Where(s => s.At >= since))
            {
                var then = PastSituation.KnownAt(its, instant.At, on).SingleOrDefault();
                if (then is not null && PastSnapshots.Keeps(then, instant.At))
                {
                    var moved = its.Any(e => e.At(on) <= instant.At && PastSnapshots.PlacesElsewhere(e, then));
                    mended.Add(PastSnapshotRow.Of(on, instant.At, then, moved));
                }
            }
        }
        // A retrying strategy (PostgreSQL, SQL Server) runs the whole transaction again after a transient failure.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            foreach (var (incident, since) in earliest)
            foreach (var instant in instants.Where(s => s.At >= since))
            {
                await db.PastSnapshots.Where(r => r.Clock == on && r.At == instant.At && r.IncidentId == incident).ExecuteDeleteAsync(token);
            }
            if (mended.Count > 0)
            {
                await using var insert = await BulkInsert<PastSnapshotRow>.PrepareAsync(db, token);
                await insert.WriteAsync(mended, token);
            }
            await db.PastSnapshotInstants.Where(s => s.Clock == on && s.UpToSequence < head)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.UpToSequence, head), token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
    }

    private async Task<int> TakeDueAsync(HistoryClock on, long head, Stopwatch watch, CancellationToken cancellationToken)
    {
        var interval = options.Value.SnapshotInterval;
        var due = clock.GetUtcNow() - options.Value.Settle;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = db.Events.AsNoTracking().IncidentEvents().Where(e => e.Sequence <= head);
        var last = await db.PastSnapshotInstants.AsNoTracking().Where(s => s.Clock == on).OrderByDescending(s => s.At)
            .FirstOrDefaultAsync(cancellationToken);
        DateTimeOffset? previous = last?.At;
        Dictionary<Guid, (IncidentThen Then, bool Moved)> state;
        if (last is null)
        {
            var first = await (on == HistoryClock.AsKnown ? events.MinAsync(e => (DateTimeOffset?)e.RecordedAt, cancellationToken)
                : events.MinAsync(e => (DateTimeOffset?)e.OccurredAt, cancellationToken));
            if (first is null) return 0;
            previous = null;
            state = [];
            last = new PastSnapshotInstant { At = PastSnapshots.Floor(first.Value, interval) };
        }
        else
        {
            state = (await db.PastSnapshots.AsNoTracking().Where(r => r.Clock == on && r.At == last.At).ToListAsync(cancellationToken))
                .ToDictionary(r => r.IncidentId, r => (r.ToThen(), r.Moved));
        }
        var taken = 0;
        for (var next = last.At + interval; next <= due && watch.Elapsed < options.Value.RunBudget; next += interval)
        {
            var tail = await PastSnapshots.ReadAsync(events.Between(on, previous, next), cancellationToken);
            var moved = state.Where(s => s.Value.Moved).Select(s => s.Key).ToHashSet();
            var known = PastSituation.Replay(state.Values.Select(s => s.Then), tail, next, on);
            var byId = known.ToDictionary(i => i.IncidentId);
            foreach (var past in tail)
            {
                if (byId.TryGetValue(past.Event.Incident.IncidentId, out var then) && PastSnapshots.PlacesElsewhere(past, then))
                {
                    moved.Add(then.IncidentId);
                }
            }
            state = known.Where(i => PastSnapshots.Keeps(i, next)).ToDictionary(i => i.IncidentId, i => (i, moved.Contains(i.IncidentId)));
            var rows = state.Values.Select(s => PastSnapshotRow.Of(on, next, s.Then, s.Moved)).ToList();
            var instant = new PastSnapshotInstant { Clock = on, At = next, UpToSequence = head, TakenAt = clock.GetUtcNow() };
            // In turns: catching up a backlog writes one instant after another, and the intake must get the lock between them.
            await db.WriteInTurnAsync(async token =>
            {
                db.ChangeTracker.Clear(); // a retried attempt adds the instant again
                // The rows (thousands a snapshot) through one prepared INSERT; the instant listed through EF in the same transaction.
                await using (var insert = await BulkInsert<PastSnapshotRow>.PrepareAsync(db, token))
                {
                    await insert.WriteAsync(rows, token);
                }
                db.PastSnapshotInstants.Add(instant);
                await db.SaveChangesAsync(token);
            }, cancellationToken);
            db.ChangeTracker.Clear();
            previous = next;
            taken++;
        }
        return taken;
    }
}
