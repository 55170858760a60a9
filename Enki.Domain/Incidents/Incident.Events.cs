namespace Enki.Domain.Incidents;

public sealed partial class Incident
{
    /// <summary>The facts whose change is worth an event, taken before a message is applied.</summary>
    private sealed record Facts(string NatureCode, IncidentStatus Status, IncidentVictims Victims);

    /// <summary>Resources whose current status the message being applied changed (noted as they change: no copy of them all per message).</summary>
    private List<string>? _movedResources;

    private Facts Before()
    {
        _movedResources = null;
        return new(NatureCode, Status, Victims);
    }

    private void NoteResourceMoved(string resourceId) => (_movedResources ??= []).Add(resourceId);

    private IncidentSubject Subject => new(Id, CaseId, CommuneCode, DepartmentCode, ZoneCode, IsExercise, Status);

    /// <summary>One event per meaningful change a message made, not one per field it carried.</summary>
    private void Announce(Facts before, MessageContext context)
    {
        var at = context.SentAt;
        if (NatureCode != before.NatureCode)
        {
            Record(new IncidentRequalified(Subject, at, before.NatureCode, NatureCode, NatureFamily, NatureLabel));
        }
        if (Status != before.Status)
        {
            Record(!Status.IsActive()
                ? new IncidentClosed(Subject, at, before.Status)
                : new IncidentStatusChanged(Subject, at, before.Status));
        }
        if (Victims != before.Victims)
        {
            Record(new IncidentVictimsChanged(Subject, at, before.Victims, Victims));
        }
        if (_movedResources is { } movedIds)
        {
            var moved = _resources.Where(r => movedIds.Contains(r.ResourceId))
                .Select(r => new ResourceReachedStatus(r.ResourceId, r.Name, r.Kind, r.Organisation, r.Current))
                .ToList();
            Record(new IncidentResourcesChanged(Subject, at, EngagedResourceCount, moved));
            _movedResources = null;
        }
    }

    private void AnnounceOpening(MessageContext context) =>
        Record(new IncidentOpened(Subject, context.SentAt, NatureCode, NatureFamily, NatureLabel, OpenedAt, ReceivedAt));
}
