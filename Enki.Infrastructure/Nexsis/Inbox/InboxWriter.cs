using System.Security.Cryptography;
using System.Threading.Channels;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Nexsis.Acknowledgements;
using Enki.Infrastructure.Nexsis.Formats;
using Enki.Infrastructure.Nexsis.Intake;
using Enki.Infrastructure.Nexsis.Messages;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Nexsis.Inbox;

/// <summary>What the sender is told once its payload is durably stored.</summary>
/// <param name="Failure">Why the payload cannot be used (it is stored in quarantine), or null.</param>
/// <param name="Duplicate">The very same payload was already stored: nothing new happens.</param>
public sealed record InboxReceipt(long InboxId, string? DistributionId, ReadFailure? Failure, bool Duplicate);

/// <summary>
/// Stores payloads durably before anything else is done with them. Concurrent callers share
/// commits: each payload is read, placed and hashed on its caller's thread, queued, and one writer
/// at a time saves everything queued in one transaction (one disk sync for the lot); each caller's
/// task completes only once that transaction is committed, so an answer never precedes
/// durability, and a failed commit fails every caller of its group.
/// </summary>
public sealed class InboxWriter(IDbContextFactory<EnkiDbContext> dbFactory, NexsisMessageReader reader, ParsedPayloads parsed,
    IncidentLocator locator, ICommitBell committed, TimeProvider clock)
{
    /// <summary>Most rows in one commit: bounds a transaction's size and the wait of its first caller.</summary>
    public const int MaxRowsPerCommit = 512;

    private readonly Channel<PendingStore> _queue = Channel.CreateUnbounded<PendingStore>(new UnboundedChannelOptions { SingleReader = true });
    private int _writing;

    public Task<InboxReceipt> StoreAsync(InboxChannel channel, string? sender, string? contentType, byte[] payload, CancellationToken cancellationToken = default)
    {
        // Read now only to answer the sender (distribution id, or why it is unreadable or cannot be placed); the intake job applies it.
        var read = reader.Read(payload);
        var failure = read as ReadFailure ?? Unplaceable(read as NexsisReadSuccess);
        var hash = Convert.ToHexStringLower(SHA256.HashData(payload));
        var pending = new PendingStore(Row(channel, sender, contentType, payload, hash, read, failure), read as NexsisReadSuccess, failure);
        _queue.Writer.TryWrite(pending); // unbounded: always accepted
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        }
        // The commit goes on whatever the caller does: a cancelled request may still be stored, never half.
        return pending.Receipt.Task.WaitAsync(cancellationToken);
    }

    private InboxMessage Row(InboxChannel channel, string? sender, string? contentType, byte[] payload, string hash, NexsisReadResult read, ReadFailure? failure)
    {
        var row = new InboxMessage
        {
            ReceivedAt = clock.GetUtcNow(),
            Channel = channel,
            Sender = sender,
            ContentType = contentType,
            Payload = payload,
            PayloadHash = hash,
            State = InboxState.Pending,
        };
        if (failure is null && read is NexsisReadSuccess success)
        {
            row.DistributionId = success.Distribution.DistributionId;
            row.CaseId = success.Messages.Select(ParsedInboxMessage.CaseIdOf).FirstOrDefault(id => id is not null);
        }
        else if (failure is not null)
        {
            // Refused by the readers: its ids are still in the raw text, for the quarantine's « Affaire » column.
            row.DistributionId = RawIdentifiers.DistributionId(payload);
            row.CaseId = RawIdentifiers.CaseId(payload);
            row.Quarantine(failure.Reason, failure.Detail, row.ReceivedAt);
        }
        return row;
    }

    /// <summary>The one writer: commits what is queued, batch after batch, until the queue is empty.</summary>
    private async Task WriteQueuedAsync()
    {
        var batch = new List<PendingStore>(MaxRowsPerCommit);
        while (true)
        {
            while (batch.Count < MaxRowsPerCommit && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            if (batch.Count > 0)
            {
                await CommitAsync(batch);
                batch.Clear();
                continue;
            }
            // Nothing queued: stand down, unless a caller queued after the last read and saw the writer still busy.
            Volatile.Write(ref _writing, 0);
            if (!_queue.Reader.TryPeek(out _) || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task CommitAsync(List<PendingStore> batch)
    {
        try
        {
            List<(PendingStore Store, InboxReceipt Receipt)> receipts;
            bool owedAgain;
            try
            {
                (receipts, owedAgain) = await SaveAsync(batch);
            }
            catch (DbUpdateException)
            {
                if (!await AnyStoredMeanwhileAsync(batch))
                {
                    throw;
                }
                // Another writer of the same database (a second process) stored one of these payloads
                // meanwhile: the transaction rolled back whole, and once more it finds that row and answers « doublon ».
                (receipts, owedAgain) = await SaveAsync(batch);
            }
            if (owedAgain)
            {
                // Its own transaction committed the event: the dispatcher is told here rather than at its next poll.
                committed.Ring();
            }
            foreach (var (store, receipt) in receipts)
            {
                if (store.Read is { } success && !receipt.Duplicate && store.Failure is null)
                {
                    parsed.Keep(receipt.InboxId, store.Row.PayloadHash, success);
                }
                store.Receipt.TrySetResult(receipt);
            }
        }
        catch (Exception failed)
        {
            // Nothing of the group was committed: none of its callers is told it was stored.
            foreach (var store in batch)
            {
                store.Receipt.TrySetException(failed);
            }
        }
    }

    /// <summary>
    /// Saves the batch in one transaction: new payloads are added; a payload already stored, or
    /// twice in the batch, is a duplicate, except an expired orphan, which goes back to the intake;
    /// a resent distribution that was acknowledged is owed its acknowledgement again.
    /// </summary>
    private async Task<(List<(PendingStore, InboxReceipt)> Receipts, bool OwedAgain)> SaveAsync(List<PendingStore> batch)
    {
        // SQL Server's retrying strategy runs the whole transaction again after a transient failure.
        await using var probe = await dbFactory.CreateDbContextAsync();
        return await probe.Database.CreateExecutionStrategy().ExecuteAsync(() => SaveOnceAsync(batch));
    }

    private async Task<(List<(PendingStore, InboxReceipt)> Receipts, bool OwedAgain)> SaveOnceAsync(List<PendingStore> batch)
    {
        foreach (var store in batch)
        {
            store.Row.Id = 0; // a rolled-back attempt may have left its key
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var hashes = batch.Select(s => s.Row.PayloadHash).Distinct().ToList();
        var stored = await db.NexsisInbox.Where(m => hashes.Contains(m.PayloadHash))
            .Select(m => new { m.PayloadHash, m.Id, m.State }).ToDictionaryAsync(m => m.PayloadHash);
        var added = new Dictionary<string, InboxMessage>();
        var receipts = new List<(PendingStore, InboxReceipt)>(batch.Count);
        var owedAgain = false;
        foreach (var store in batch)
        {
            var row = store.Row;
            if (stored.TryGetValue(row.PayloadHash, out var existing))
            {
                var requeued = await RequeueExpiredOrphanAsync(db, existing.Id);
                var distributionId = store.Read?.Distribution.DistributionId;
                // A sender resends what it saw no acknowledgement for: it is owed the same one again.
                if (!requeued && existing.State == InboxState.Processed && store.Read is { } read && distributionId is not null
                    && read.Messages.Any(m => m is CaseCreated))
                {
                    db.Record(new AcknowledgementOwed(distributionId, read.Distribution.SenderId, read.Distribution.IsExercise, Again: true, clock.GetUtcNow()));
                    owedAgain = true;
                }
                receipts.Add((store, new InboxReceipt(existing.Id, distributionId, store.Failure, Duplicate: !requeued)));
            }
            else if (added.TryGetValue(row.PayloadHash, out var first))
            {
                receipts.Add((store, new InboxReceipt(0, first.DistributionId, store.Failure, Duplicate: true)));
            }
            else
            {
                added.Add(row.PayloadHash, row);
                db.NexsisInbox.Add(row);
                receipts.Add((store, new InboxReceipt(0, row.DistributionId, store.Failure, Duplicate: false)));
            }
        }
        if (added.Count > 0 || owedAgain)
        {
            await db.SaveChangesAsync();
        }
        await transaction.CommitAsync();
        // The ids of the rows added are known once saved.
        return (receipts.Select(r => r.Item2.InboxId != 0 ? r : (r.Item1, r.Item2 with { InboxId = added[r.Item1.Row.PayloadHash].Id })).ToList(), owedAgain);
    }

    private async Task<bool> AnyStoredMeanwhileAsync(List<PendingStore> batch)
    {
        var hashes = batch.Select(s => s.Row.PayloadHash).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.NexsisInbox.AnyAsync(m => hashes.Contains(m.PayloadHash));
    }

    /// <summary>A case whose place lies in no commune (sea, abroad) with no valid INSEE code: the sender is told at once.</summary>
    private ReadFailure? Unplaceable(NexsisReadSuccess? read) =>
        read?.Messages.OfType<CaseCreated>()
            .Select(created => (created, resolution: locator.Resolve(created.Location.Stated())))
            .Where(x => x.resolution.Place is null)
            .Select(x => new ReadFailure(x.resolution.Refusal!, $"caseId={x.created.CaseId} insee={x.created.Location.InseeCode} point={x.created.Location.Point}"))
            .FirstOrDefault();

    /// <summary>
    /// An update quarantined because its case did not arrive in time is sent again: it goes back to
    /// the intake (it applies if its case exists now, or waits again), instead of answering « doublon ».
    /// </summary>
    private static async Task<bool> RequeueExpiredOrphanAsync(EnkiDbContext db, long id) =>
        await db.NexsisInbox
            .Where(m => m.Id == id && m.State == InboxState.Quarantined && m.WaitingSince != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, InboxState.Pending)
                .SetProperty(m => m.WaitingSince, (DateTimeOffset?)null)
                .SetProperty(m => m.Reason, (string?)null)
                .SetProperty(m => m.Detail, (string?)null)
                .SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null)) > 0;

    private sealed record PendingStore(InboxMessage Row, NexsisReadSuccess? Read, ReadFailure? Failure)
    {
        public TaskCompletionSource<InboxReceipt> Receipt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
