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
        return await db.Set<EventStreamHead>().Where(h => h.Id == EventStreamHead.SingleId).Select(h => h.LastSequence).SingleAsync(cancellationToken);
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
