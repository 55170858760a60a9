using Enki.Domain.Access;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Persistence;
using Enki.Infrastructure.Warnings;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Warnings;

/// <summary>
/// Escalates the warnings nobody acknowledged in time, one step of the owner's list at a time, and
/// sends what the relay has left (failed deliveries, a crash between commit and sending). Run for one
/// warning by Hangfire's delayed job at its due time, and for all every minute (<c>avertissements</c>).
/// </summary>
public sealed class WarningEscalationJob(
    IDbContextFactory<EnkiDbContext> dbFactory, WarningDeliveryRelay relay, IEscalationScheduler scheduler,
    TimeProvider clock)
{
    public const string RecurringId = "avertissements";

    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var escalated = await EscalateDueAsync(null, cancellationToken);
        await relay.DeliverPendingAsync(null, cancellationToken);
        return escalated;
    }

    [AutomaticRetry(Attempts = 5)]
    public Task<int> EscalateAsync(Guid warningId, CancellationToken cancellationToken) => EscalateDueAsync(warningId, cancellationToken);

    private async Task<int> EscalateDueAsync(Guid? warningId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = db.Warnings.Include(w => w.Deliveries).Where(w => w.AcknowledgedAt == null && w.NextEscalationAt != null && w.NextEscalationAt <= now);
        if (warningId is { } id) due = due.Where(w => w.Id == id);
        var warnings = await due.OrderBy(w => w.NextEscalationAt).Take(100).ToListAsync(cancellationToken);
        var escalated = new List<Warning>();
        foreach (var warning in warnings)
        {
            var list = (await db.EscalationLists.AsNoTracking().FirstOrDefaultAsync(l => l.OrganisationKey == warning.OwnerCode, cancellationToken))?.ToList()
                       ?? EscalationList.Empty(warning.OwnerCode);
            var accounts = new Dictionary<EscalationStep, IReadOnlyList<WarningAccount>>();
            foreach (var step in list.Steps.Skip(warning.EscalationLevel).Take(1))
            {
                accounts[step] = step.OnDuty && step.Kind == WarningOwnerKind.Organisation
                    ? await OnDutyAsync(db, step.Code, now, cancellationToken)
                    : await WarningAccounts.OfAsync(db, step.Kind, step.Code, now, cancellationToken);
            }
            if (warning.Escalate(list, step => accounts[step], relay.Channels, now) is { } taken)
            {
                escalated.Add(warning);
                relay.DeliverOnCommit(warning, now);
                await WarningLogbook.EscalatedAsync(db, warning, taken, now, cancellationToken);
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0; // acknowledged meanwhile: the next run looks again
        }
        foreach (var warning in escalated.Where(w => w.NextEscalationAt is not null)) scheduler.Schedule(warning.Id, warning.NextEscalationAt!.Value);
        if (escalated.Count > 0) await relay.DeliverPendingAsync(escalated.Select(w => w.Id).ToList(), cancellationToken);
        return escalated.Count;
    }

    /// <summary>The person on duty for the organisation now; nobody on duty: everyone of the organisation, rather than no one.</summary>
    private static async Task<IReadOnlyList<WarningAccount>> OnDutyAsync(EnkiDbContext db, string organisationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var periods = await db.DutyPeriods.AsNoTracking()
            .Where(d => d.OrganisationKey == organisationKey && d.Until > now).OrderBy(d => d.Until).Take(50).ToListAsync(cancellationToken);
        var onDuty = DutyPeriod.OnDutyAt(periods, now);
        var accounts = onDuty is null ? [] : await WarningAccounts.OfAsync(db, WarningOwnerKind.Person, onDuty.UserId, now, cancellationToken);
        return accounts.Count > 0 ? accounts : await WarningAccounts.OfAsync(db, WarningOwnerKind.Organisation, organisationKey, now, cancellationToken);
    }
}
