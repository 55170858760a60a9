using System.Security.Cryptography;
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
public sealed class InboxWriter(IDbContextFactory<EnkiDbContext> dbFactory, NexsisMessageReader reader, TimeProvider clock)
{
    public async Task<InboxReceipt> StoreAsync(InboxChannel channel, string? sender, string? contentType, byte[] payload, CancellationToken cancellationToken = default)
    {
        // Read now only to answer the sender (distribution id, or why it is unreadable); the intake job applies it.
        var read = reader.Read(payload);
        var failure = read as ReadFailure;
        var hash = Convert.ToHexString(SHA256.HashData(payload)).ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await FindIdAsync(db, hash, cancellationToken) is { } existing)
        {
            return new InboxReceipt(existing, (read as NexsisReadSuccess)?.Distribution.DistributionId, failure, Duplicate: true);
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
        if (read is NexsisReadSuccess success)
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

    private static async Task<long?> FindIdAsync(EnkiDbContext db, string hash, CancellationToken cancellationToken) =>
        await db.NexsisInbox.Where(m => m.PayloadHash == hash).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken);
}
