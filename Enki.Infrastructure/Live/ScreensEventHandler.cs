using Enki.Domain.Events;
using Enki.Domain.Incidents;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Events;

namespace Enki.Infrastructure.Live;

/// <summary>
/// Hands the committed events to this node's open screens, through the feeds they subscribe to:
/// incidents (one change per incident and batch, the latest), main-courante entries, request steps.
/// </summary>
public sealed class ScreensEventHandler(IIncidentChangeFeed incidents, ILogbookFeed logbook, IMobilisationFeed mobilisation) : IEventHandler
{
    public string Name => "ecrans";

    public HandlerScope Scope => HandlerScope.Node;

    public bool Handles(DomainEvent happened) => happened is IncidentEvent or LogbookEntryWritten or MobilisationEvent;

    public async Task HandleAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<Guid, IncidentChange>();
        foreach (var recorded in events)
        {
            switch (recorded.Event)
            {
                case IncidentEvent happened:
                    var subject = happened.Incident;
                    var isNew = happened is IncidentOpened || (changes.TryGetValue(subject.IncidentId, out var earlier) && earlier.IsNew);
                    changes[subject.IncidentId] = new IncidentChange(subject.IncidentId, subject.CaseId, subject.CommuneCode, subject.DepartmentCode,
                        subject.ZoneCode, subject.IsExercise, subject.Status, isNew, recorded.RecordedAt);
                    break;
                case LogbookEntryWritten written:
                    await logbook.PublishAsync(new LogbookAppended(written.CrisisId, written.EntryId, written.OccurredAt), cancellationToken);
                    break;
                case MobilisationEvent step:
                    await mobilisation.PublishAsync(ChangeOf(step), cancellationToken);
                    break;
            }
        }
        await incidents.PublishAsync(changes.Values.ToList(), cancellationToken);
    }

    private static MobilisationChange ChangeOf(MobilisationEvent step)
    {
        var request = step.Request;
        var kind = step switch
        {
            MobilisationRequestIssued => MobilisationChangeKind.Issued,
            MobilisationRequestOverdue => MobilisationChangeKind.Overdue,
            _ => MobilisationChangeKind.Moved,
        };
        return new MobilisationChange(request.RequestId, kind, step.Status, request.Object, request.Recipient, request.IssuerId,
            request.IssuerProfile, request.IssuerJurisdiction, step.ActorName, step.OccurredAt);
    }
}
