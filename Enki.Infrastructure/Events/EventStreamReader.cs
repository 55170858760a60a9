using System.Diagnostics;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Events;

/// <summary>Reads the stream in sequence order, and the stored positions of durable handlers.</summary>
public sealed class EventStreamReader(IDbContextFactory<EnkiDbContext> dbFactory, TimeProvider clock, ILogger<EventStreamReader> logger)
{
    public async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.StreamHeadAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="count"/> events after <paramref name="position"/>, read now.</summary>
    public Task<IReadOnlyList<RecordedEvent>> AfterAsync(long position, int count, CancellationToken cancellationToken) =>
        AfterAsync(position, count, long.MaxValue, cancellationToken);

    /// <summary>Up to <paramref name="count"/> events after <paramref name="position"/>; an event this version cannot read is logged and skipped.</summary>
    /// <param name="notBefore">
    /// A <see cref="Stopwatch"/> timestamp: a batch another handler read from the same position, starting
    /// at or after it, is handed over as it is — it holds every commit made before then — rather than
    /// read and deserialized again. Handlers woken by one commit thus share one read.
    /// </param>
    public async Task<IReadOnlyList<RecordedEvent>> AfterAsync(long position, int count, long notBefore, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _lastRead) is { } last && last.Position == position && last.Count == count && last.StartedAt >= notBefore)
        {
            return last.Events;
        }
        var startedAt = Stopwatch.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Events.AsNoTracking().Where(e => e.Sequence > position).OrderBy(e => e.Sequence).Take(count)
            .ToListAsync(cancellationToken);
        var events = new List<RecordedEvent>(rows.Count);
        foreach (var row in rows)
        {
            // History rebuilt from the inbox is for past queries only; the position still moves past it.
            if (row.Rebuilt) continue;
            if (EventCatalog.Read(row) is { } read) events.Add(read);
            else logger.LogWarning("Event {Sequence} of type {Type} skipped: unknown type or unreadable payload", row.Sequence, row.Type);
        }
        // The last row read is the new position even when it could not be read.
        IReadOnlyList<RecordedEvent> batch = rows.Count == events.Count || rows.Count == 0
            ? events
            : [.. events, new RecordedEvent(rows[^1].Sequence, rows[^1].RecordedAt, Unreadable.Instance)];
        Volatile.Write(ref _lastRead, new SharedRead(position, count, startedAt, batch));
        return batch;
    }

    /// <summary>The last batch read, for the handlers that ask for the same one right after.</summary>
    private sealed record SharedRead(long Position, int Count, long StartedAt, IReadOnlyList<RecordedEvent> Events);

    private SharedRead? _lastRead;

    public async Task<long> PositionAsync(string handler, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EventHandlerPositions.Where(p => p.Handler == handler).Select(p => (long?)p.Position).SingleOrDefaultAsync(cancellationToken) ?? 0;
    }

    /// <summary>
    /// Takes or renews <paramref name="node"/>'s lease on a durable handler until <paramref name="until"/>;
    /// the handler's stored position when it holds it, null when another node does.
    /// </summary>
    public async Task<long?> HoldAsync(string handler, string node, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var positions = db.EventHandlerPositions.Where(p => p.Handler == handler);
        if (!await positions.AnyAsync(cancellationToken))
        {
            db.EventHandlerPositions.Add(new EventHandlerPosition { Handler = handler, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node created it at the same moment: the lease below decides between them.
            }
        }
        var held = await positions.Where(p => p.LeaseHolder == node || p.LeaseHolder == null || p.LeaseUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseHolder, node).SetProperty(p => p.LeaseUntil, until), cancellationToken);
        return held == 0 ? null : await positions.Select(p => p.Position).SingleAsync(cancellationToken);
    }

    /// <summary>Lets the node's leases go at once (a graceful stop): another node takes over without waiting for them to lapse.</summary>
    public async Task ReleaseAsync(string node, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.EventHandlerPositions.Where(p => p.LeaseHolder == node)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseHolder, (string?)null).SetProperty(p => p.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }

    public async Task SavePositionAsync(string handler, long position, string? error, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var row = await db.EventHandlerPositions.SingleOrDefaultAsync(p => p.Handler == handler, cancellationToken);
        if (row is null)
        {
            row = new EventHandlerPosition { Handler = handler };
            db.EventHandlerPositions.Add(row);
        }
        row.Position = Math.Max(row.Position, position);
        row.UpdatedAt = now;
        row.FailingSince = error is null ? null : row.FailingSince ?? now;
        row.LastError = error is { Length: > 1000 } ? error[..1000] : error;
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Stands for a stored event this version cannot read, so that positions still move past it.</summary>
public sealed record Unreadable() : Domain.Events.DomainEvent(DateTimeOffset.MinValue)
{
    public static readonly Unreadable Instance = new();
}
