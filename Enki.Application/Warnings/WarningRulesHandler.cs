using Enki.Domain.Access;
using Enki.Domain.Events;
using Enki.Domain.Incidents;
using Enki.Domain.Mobilisation;
using Enki.Domain.Vigilance;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using Enki.Infrastructure.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Warnings;

/// <summary>
/// Evaluates the rules on the stream and raises the warnings, each committed with its deliveries
/// (« à envoyer ») and its event in one transaction; then hands them to the relay and schedules their
/// escalation. Durable and idempotent on the stream event: a warning is unique per rule and event
/// sequence, so an event handed again after a crash raises nothing twice.
/// </summary>
public sealed class WarningRulesHandler(
    IDbContextFactory<EnkiDbContext> dbFactory, ITerritoryDirectory territories, WarningDeliveryRelay relay, IEscalationScheduler escalation,
    TimeProvider clock, EnkiOptions options) : IEventHandler
{
    public string Name => "avertissements-regles";

    public HandlerScope Scope => HandlerScope.Durable;

    public bool Handles(DomainEvent happened) =>
        !happened.IsExercise() && happened is IncidentOpened or IncidentVictimsChanged or MobilisationRequestIssued or MobilisationRequestOverdue or VigilanceChanged;

    public async Task HandleAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.WarningRules.AsNoTracking().Where(r => r.Enabled).ToListAsync(cancellationToken);
        if (rules.Count == 0) return;
        var facts = new WarningFacts(db, territories);
        var raised = new List<Warning>();
        foreach (var recorded in events)
        {
            var drafts = WarningEvaluation.Evaluate(rules, recorded.Event, facts);
            foreach (var draft in drafts)
            {
                var ruleId = draft.Rule.Id;
                if (await db.Warnings.AnyAsync(w => w.RuleId == ruleId && w.CauseSequence == recorded.Sequence, cancellationToken)) continue;
                var now = clock.GetUtcNow();
                var owner = draft.Rule.Owner;
                var accounts = await WarningAccounts.OfAsync(db, owner.Kind, owner.Code, now, cancellationToken);
                var ownerName = owner.Kind == WarningOwnerKind.Organisation
                    ? WarningAccounts.NameOf(owner.Code, territories)
                    : accounts.FirstOrDefault()?.Name ?? owner.Code;
                var warning = Warning.Raise(draft, recorded.Sequence, ownerName, accounts, relay.Channels, now,
                    options.Warnings.UrgentEscalationDelay);
                relay.DeliverOnCommit(warning, now);
                db.Warnings.Add(warning);
                facts.NoteRaised(ruleId, draft.OccurredAt);
                raised.Add(warning);
            }
        }
        if (raised.Count == 0) return;
        await WarningLogbook.RaisedAsync(db, raised, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var warning in raised.Where(w => w.NextEscalationAt is not null))
        {
            escalation.Schedule(warning.Id, warning.NextEscalationAt!.Value);
        }
        await relay.DeliverPendingAsync(raised.Select(w => w.Id).ToList(), cancellationToken);
    }
}
