using System.Runtime.CompilerServices;
using Enki.Domain.Events;
using Enki.Domain.Incidents;
using Enki.Infrastructure.History.Backfill;
using Enki.Infrastructure.Jobs;
using Enki.Infrastructure.Nexsis.Formats;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Infrastructure.Nexsis.Intake;
using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Intake;

/// <summary>
/// History from before the stream, rebuilt from the raw inbox: an incident with no <c>incident.opened</c> event was
/// opened before the stream existed. Its applied messages received before its first event in the stream are read again,
/// in the order they arrived, through the intake's own mapping (<see cref="IntakeBatch"/>, over a copy of the incident
/// that is never saved), and the events that copy records are appended under the incident's id, each timed by NexSIS as
/// the intake times it and recorded at the receipt of its message (<see cref="EnkiDbContext.AppendRebuiltAsync"/>: past
/// queries read them, handlers never get them). Idempotent: a rebuilt incident has its opening. Once in a database's life: a run
/// that reaches its end says so (<see cref="CompletedOneOffTask"/>), and later starts stop there.
/// </summary>
public sealed class HistoryBackfill(IDbContextFactory<EnkiDbContext> dbFactory, NexsisMessageReader reader, IncidentLocator locator,
    TimeProvider clock) : IHistoryBackfill
{
    private const int IncidentsPerTransaction = 200;

    /// <summary>Its row once every incident has its opening (<see cref="CompletedOneOffTask"/>).</summary>
    public const string TaskName = HistoryBackfillJob.LockName;

    /// <summary>
    /// How much creation time one search for incidents without an opening covers: a year at 5 M incidents searched at once outran a
    /// command's 30 s on PostgreSQL; a week of it is about 100 k incidents, each looked up in the events' index.
    /// </summary>
    private static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.CompletedOneOffTasks.AnyAsync(t => t.Name == TaskName, cancellationToken)) return 0;
        }
        var rebuilt = 0;
        await foreach (var orphans in OrphansAsync(cancellationToken))
        {
            foreach (var chunk in orphans.Chunk(IncidentsPerTransaction))
            {
                rebuilt += await RebuildAsync(chunk, cancellationToken);
            }
        }
        // Every incident saved from now on is opened in the stream: nothing can be left for a later start.
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.CompletedOneOffTasks.Add(new CompletedOneOffTask { Name = TaskName, CompletedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
        return rebuilt;
    }

    /// <summary>The incidents without an opening in the stream, window of creation time after window (through its index).</summary>
    private async IAsyncEnumerable<List<(Guid Id, string CaseId)>> OrphansAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Incidents.MinAsync(i => (DateTimeOffset?)i.CreatedAt, cancellationToken) is not { } first) yield break;
        var last = await db.Incidents.MaxAsync(i => i.CreatedAt, cancellationToken);
        for (var from = first; from <= last; from += Window)
        {
            var to = from + Window;
            var orphans = await db.Incidents.AsNoTracking()
                .Where(i => i.CreatedAt >= from && i.CreatedAt < to && !db.Events.Any(e => e.SubjectId == i.Id && e.Type == "incident.opened"))
                .Select(i => new { i.Id, i.CaseId }).ToListAsync(cancellationToken);
            if (orphans.Count > 0) yield return [.. orphans.Select(i => (i.Id, i.CaseId))];
        }
    }

    private async Task<int> RebuildAsync(IReadOnlyList<(Guid Id, string CaseId)> orphans, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A retrying strategy (PostgreSQL, SQL Server) refuses a transaction begun outside it: the chunk is its unit, read again on a retry.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            return await RebuildAsync(db, orphans, token);
        }, cancellationToken);
    }

    private async Task<int> RebuildAsync(EnkiDbContext db, IReadOnlyList<(Guid Id, string CaseId)> orphans, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = orphans.Select(o => (Guid?)o.Id).ToList();
        // Checked again in the transaction: another run may have rebuilt them meanwhile.
        var opened = await db.Events.Where(e => ids.Contains(e.SubjectId) && e.Type == "incident.opened").Select(e => e.SubjectId).ToListAsync(cancellationToken);
        var firstInStream = await db.Events.Where(e => ids.Contains(e.SubjectId)).GroupBy(e => e.SubjectId)
            .Select(g => new { Id = g.Key, First = g.Min(e => e.RecordedAt) }).ToDictionaryAsync(g => g.Id!.Value, g => g.First, cancellationToken);
        var todo = orphans.Where(o => !opened.Contains(o.Id)).ToDictionary(o => o.CaseId, o => o.Id);
        var caseIds = todo.Keys.ToList();
        var rows = await db.NexsisInbox.AsNoTracking()
            .Where(m => m.State == InboxState.Processed && m.CaseId != null && caseIds.Contains(m.CaseId))
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
        rows = [.. rows.Where(r => !firstInStream.TryGetValue(todo[r.CaseId!], out var first) || r.ReceivedAt < first)];

        // A scratch unit of work, never saved: the batch adds the copies it opens to it.
        await using var scratch = await dbFactory.CreateDbContextAsync(cancellationToken);
        var copies = new Dictionary<string, Incident>();
        var batch = new IntakeBatch(scratch, copies, locator, clock.GetUtcNow());
        var events = new List<(DomainEvent, DateTimeOffset)>();
        var waiting = new List<ParsedInboxMessage>();
        foreach (var row in rows)
        {
            if (reader.Read(row.Payload) is not NexsisReadSuccess success) continue;
            var message = new ParsedInboxMessage(row, success.Distribution, success.Messages);
            Apply(message);
            if (row.State == InboxState.Waiting) waiting.Add(message);
        }
        // An update that arrived before its case was applied once the case came, as the intake wakes it.
        foreach (var message in waiting)
        {
            message.Row.State = InboxState.Pending;
            Apply(message);
        }
        await db.AppendRebuiltAsync(events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return events.Select(e => ((IncidentEvent)e.Item1).Incident.IncidentId).Distinct().Count();

        void Apply(ParsedInboxMessage message)
        {
            batch.Apply(message);
            foreach (var copy in copies.Values)
            {
                foreach (var happened in copy.PendingEvents().OfType<IncidentEvent>())
                {
                    if (todo.TryGetValue(happened.Incident.CaseId, out var id))
                    {
                        events.Add((happened with { Incident = happened.Incident with { IncidentId = id } }, message.Row.ReceivedAt));
                    }
                }
                copy.ClearPendingEvents();
            }
        }
    }
}
