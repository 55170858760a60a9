using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Acknowledgements;
using Enki.Infrastructure.Nexsis.Formats;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Infrastructure.Nexsis.Intake;
using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enki.Application.Intake;

/// <summary>
/// Applies a NexSIS batch: turns stored payloads into incident changes, one batch per unit of work. The
/// incidents, their events, the acknowledgements owed and the inbox states are saved together, so a
/// process stopped mid-batch leaves the batch pending and the next run applies it once. Bad messages go
/// to quarantine and never stop the others. Screens and acknowledgements follow from the events.
/// </summary>
public sealed class IntakeProcessor(
    IDbContextFactory<EnkiDbContext> dbFactory,
    NexsisMessageReader reader,
    ParsedPayloads parsedPayloads,
    IncidentLocator locator,
    IOptions<NexsisOptions> options,
    TimeProvider clock,
    ILogger<IntakeProcessor> logger) : INexsisIntake
{
    public async Task<IntakeOutcome> ProcessBatchAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.NexsisInbox
            .Where(m => m.State == InboxState.Pending)
            .OrderBy(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return IntakeOutcome.Nothing;
        }

        var now = clock.GetUtcNow();
        var parsed = rows.Select(Parse).ToList();
        var caseIds = parsed.SelectMany(p => p.CaseIds).Distinct().ToList();
        var incidents = await db.Incidents.Where(i => caseIds.Contains(i.CaseId)).ToDictionaryAsync(i => i.CaseId, cancellationToken);
        var batch = new IntakeBatch(db, incidents, locator, now);

        foreach (var message in parsed)
        {
            batch.Apply(message);
        }

        // Acknowledgements are owed from the commit of their cases: recorded in the same transaction.
        foreach (var distribution in batch.AcceptedDistributions.DistinctBy(d => d.DistributionId))
        {
            db.Record(new AcknowledgementOwed(distribution.DistributionId!, distribution.SenderId, distribution.IsExercise, Again: false, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        await WakeWaitingUpdatesAsync(db, batch.CreatedCaseIds, cancellationToken);

        var changed = batch.Changed.Select(i => i.Id).ToList();

        var outcome = new IntakeOutcome(
            rows.Count(r => r.State == InboxState.Processed),
            rows.Count(r => r.State == InboxState.Quarantined),
            rows.Count(r => r.State == InboxState.Waiting),
            changed,
            batch.AcceptedDistributions.Select(d => d.DistributionId!).ToList());
        // Routine batches arrive every second in a storm: only a refusal is worth a line at Information.
        logger.Log(outcome.Quarantined > 0 ? LogLevel.Information : LogLevel.Debug,
            "NexSIS intake: {Processed} applied, {Quarantined} quarantined, {Waiting} waiting, {Changed} incident(s) changed",
            outcome.Processed, outcome.Quarantined, outcome.Waiting, changed.Count);
        return outcome;
    }

    /// <summary>Updates that waited too long for their case go to quarantine.</summary>
    public async Task<int> ExpireWaitingUpdatesAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var limit = now - options.Value.OrphanUpdateTimeout;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expired = await db.NexsisInbox
            .Where(m => m.State == InboxState.Waiting && m.WaitingSince < limit)
            .ToListAsync(cancellationToken);
        foreach (var row in expired)
        {
            row.Quarantine(
                $"Mise à jour d'une affaire inconnue ({row.CaseId}) : l'affaire n'est pas arrivée dans le délai de {options.Value.OrphanUpdateTimeout.TotalMinutes:0} min.",
                $"waiting since {row.WaitingSince:O}", now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return expired.Count;
    }

    private ParsedInboxMessage Parse(InboxMessage row)
    {
        row.Attempts++;
        // A pushed payload was read when it was stored: that reading is taken rather than parsing it again.
        return (parsedPayloads.Take(row) ?? reader.Read(row.Payload)) switch
        {
            NexsisReadSuccess success => Read(row, success),
            ReadFailure failure => Quarantined(row, failure),
            _ => throw new InvalidOperationException("Unknown read result."),
        };

        static ParsedInboxMessage Read(InboxMessage message, NexsisReadSuccess success)
        {
            message.DistributionId ??= success.Distribution.DistributionId;
            message.CaseId ??= success.Messages.Select(ParsedInboxMessage.CaseIdOf).FirstOrDefault(id => id is not null);
            return new ParsedInboxMessage(message, success.Distribution, success.Messages);
        }

        ParsedInboxMessage Quarantined(InboxMessage message, ReadFailure failure)
        {
            message.DistributionId ??= RawIdentifiers.DistributionId(message.Payload);
            message.CaseId ??= RawIdentifiers.CaseId(message.Payload);
            message.Quarantine(failure.Reason, failure.Detail, clock.GetUtcNow());
            return new ParsedInboxMessage(message, null, []);
        }
    }

    private static Task<int> WakeWaitingUpdatesAsync(EnkiDbContext db, IReadOnlyCollection<string> createdCaseIds, CancellationToken cancellationToken) =>
        createdCaseIds.Count == 0
            ? Task.FromResult(0)
            : db.NexsisInbox
                .Where(m => m.State == InboxState.Waiting && m.CaseId != null && createdCaseIds.Contains(m.CaseId))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, InboxState.Pending), cancellationToken);
}
