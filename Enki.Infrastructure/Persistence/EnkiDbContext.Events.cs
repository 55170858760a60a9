using Enki.Domain.Events;
using Enki.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence;

/// <summary>
/// The stream of what happened is written by the save itself: the events the tracked aggregates
/// recorded (and those recorded on the unit of work directly) are numbered and stored in the same
/// transaction as the state, the audit rows and the automatic logbook entries. Nothing is announced
/// before that transaction commits.
/// </summary>
public abstract partial class EnkiDbContext
{
    private List<DomainEvent>? _recorded;

    /// <summary>Enki's clock, for <see cref="StoredEvent.RecordedAt"/> (set by the factory; the system clock otherwise).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Rung after each commit of events (set by the factory).</summary>
    public ICommitBell? Committed { get; set; }

    /// <summary>Records an event that belongs to no aggregate (an acknowledgement owed to NexSIS) with this unit of work.</summary>
    public void Record(DomainEvent happened) => (_recorded ??= []).Add(happened);

    private bool HasPendingEvents() =>
        _recorded is { Count: > 0 } || ChangeTracker.Entries<EventSource>().Any(e => e.Entity.PendingEvents().Count > 0);

    private async Task<int> SaveWithEventsAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var sources = ChangeTracker.Entries<EventSource>().Select(e => e.Entity).Where(s => s.PendingEvents().Count > 0).ToList();
        var rows = sources.SelectMany(s => s.PendingEvents()).Concat(_recorded ?? []).Select(EventCatalog.ToRow).ToList();
        int saved;
        if (Database.CurrentTransaction is not null)
        {
            // The caller's transaction: the stream head stays locked until the caller commits.
            await NumberAsync(rows, cancellationToken);
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        else
        {
            // A retrying strategy (SQL Server) runs the whole transaction again after a transient failure.
            saved = await Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                await using var transaction = await Database.BeginTransactionAsync(token);
                foreach (var row in rows.Where(r => Entry(r).State != EntityState.Detached))
                {
                    Entry(row).State = EntityState.Detached; // numbered again after a retried attempt
                }
                await NumberAsync(rows, token);
                var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, token);
                await transaction.CommitAsync(token);
                return count;
            }, cancellationToken);
            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }
        }
        foreach (var source in sources) source.ClearPendingEvents();
        _recorded = null;
        if (Database.CurrentTransaction is null)
        {
            Committed?.Ring();
        }
        return saved;
    }

    /// <summary>Takes the next numbers from the stream head, which this transaction then holds until it ends, and adds the rows.</summary>
    private async Task NumberAsync(List<StoredEvent> rows, CancellationToken cancellationToken)
    {
        var count = rows.Count;
        var head = Set<EventStreamHead>().Where(h => h.Id == EventStreamHead.SingleId);
        await head.ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence + count), cancellationToken);
        var last = await head.Select(h => h.LastSequence).SingleAsync(cancellationToken);
        // In UTC whatever the clock hands back: SQLite compares the stored binary form, offset included.
        var recordedAt = Clock.GetUtcNow().ToUniversalTime();
        for (var i = 0; i < count; i++)
        {
            rows[i].Sequence = last - count + 1 + i;
            rows[i].RecordedAt = recordedAt;
        }
        Events.AddRange(rows);
    }

    /// <summary>
    /// Events rebuilt from the raw inbox for history from before the stream, each recorded at the receipt of the message
    /// that told it (<see cref="StoredEvent.Rebuilt"/>): numbered from the head in the caller's transaction, with the marks of their
    /// real incidents' opening hours (<see cref="MarkRebuiltAsync"/>).
    /// </summary>
    public async Task AppendRebuiltAsync(IReadOnlyList<(DomainEvent Event, DateTimeOffset ReceivedAt)> events, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null) throw new InvalidOperationException("Rebuilt events are appended in the caller's transaction.");
        if (events.Count == 0) return;
        var rows = events.Select(e => EventCatalog.ToRow(e.Event)).ToList();
        await NumberAsync(rows, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].RecordedAt = events[i].ReceivedAt.ToUniversalTime();
            rows[i].Rebuilt = true;
        }
        await MarkRebuiltAsync(rows, cancellationToken);
        await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
    }
}
