using System.Security.Cryptography;
using Enki.Domain.Incidents;
using Enki.Domain.Intake;
using Enki.Infrastructure.Nexsis.Acknowledgements;
using Enki.Infrastructure.Nexsis.Formats;
using Enki.Infrastructure.Nexsis.Intake;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Nexsis.Inbox;

/// <summary>What storing a payload gave.</summary>
/// <param name="Failure">Why the payload cannot even be read (it is kept, in quarantine); null when readable.</param>
/// <param name="Duplicate">The very same payload was already stored: nothing new happens.</param>
public sealed record InboxReceipt(long InboxId, string? DistributionId, ReadFailure? Failure, bool Duplicate);

/// <summary>Stores payloads durably before anything else is done with them.</summary>
public sealed class InboxWriter(IDbContextFactory<EnkiDbContext> dbFactory, NexsisMessageReader reader, IncidentLocator locator,
    AcknowledgementTrigger acknowledgements, TimeProvider clock)
{
    public async Task<InboxReceipt> StoreAsync(InboxChannel channel, string? sender, string? contentType, byte[] payload, CancellationToken cancellationToken = default)
    {
        // Read now only to answer the sender (distribution id, or why it is unreadable or cannot be placed); the intake job applies it.
        var read = reader.Read(payload);
        var failure = read as ReadFailure ?? Unplaceable(read as NexsisReadSuccess);
        var hash = Convert.ToHexString(SHA256.HashData(payload)).ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await FindIdAsync(db, hash, cancellationToken) is { } existing)
        {
            var requeued = await RequeueExpiredOrphanAsync(db, existing, cancellationToken);
            var distributionId = (read as NexsisReadSuccess)?.Distribution.DistributionId;
            // A sender resends what it saw no acknowledgement for: it gets the same one again.
            if (!requeued && distributionId is not null && await AcknowledgementOutbox.OweAgainAsync(db, distributionId, cancellationToken))
            {
                acknowledgements.Request();
            }
            return new InboxReceipt(existing, distributionId, failure, Duplicate: !requeued);
        }

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
        db.NexsisInbox.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same payload arrived twice at once: the other one was stored.
            db.ChangeTracker.Clear();
            if (await FindIdAsync(db, hash, cancellationToken) is not { } raced)
            {
                throw;
            }
            return new InboxReceipt(raced, row.DistributionId, failure, Duplicate: true);
        }
        return new InboxReceipt(row.Id, row.DistributionId, failure, Duplicate: false);
    }

    /// <summary>A case whose place lies in no commune (sea, abroad) with no valid INSEE code: the sender is told at once.</summary>
    private ReadFailure? Unplaceable(NexsisReadSuccess? read) =>
        read?.Messages.OfType<CaseCreated>()
            .Select(created => (created, resolution: locator.Resolve(created.Location)))
            .Where(x => x.resolution.Place is null)
            .Select(x => new ReadFailure(x.resolution.Refusal!, $"caseId={x.created.CaseId} insee={x.created.Location.InseeCode} point={x.created.Location.Point}"))
            .FirstOrDefault();

    /// <summary>
    /// An update quarantined because its case did not arrive in time is sent again: it goes back to
    /// the intake (it applies if its case exists now, or waits again), instead of answering « doublon ».
    /// </summary>
    private static async Task<bool> RequeueExpiredOrphanAsync(EnkiDbContext db, long id, CancellationToken cancellationToken) =>
        await db.NexsisInbox
            .Where(m => m.Id == id && m.State == InboxState.Quarantined && m.WaitingSince != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, InboxState.Pending)
                .SetProperty(m => m.WaitingSince, (DateTimeOffset?)null)
                .SetProperty(m => m.Reason, (string?)null)
                .SetProperty(m => m.Detail, (string?)null)
                .SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null), cancellationToken) > 0;

    private static async Task<long?> FindIdAsync(EnkiDbContext db, string hash, CancellationToken cancellationToken) =>
        await db.NexsisInbox.Where(m => m.PayloadHash == hash).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken);
}
