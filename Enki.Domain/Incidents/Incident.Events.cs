using Enki.Domain.Intake;

namespace Enki.Domain.Incidents;

public sealed partial class Incident
{
    /// <summary>The facts whose change is worth an event, taken before a message is applied.</summary>
    private sealed record Facts(string NatureCode, IncidentStatus Status, IncidentVictims Victims, Dictionary<string, ResourceStatusChange> Resources);

    private Facts Before() => new(NatureCode, Status, Victims, _resources.ToDictionary(r => r.ResourceId, r => r.Current));

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
        var moved = _resources
            .Where(r => !before.Resources.TryGetValue(r.ResourceId, out var was) || was != r.Current)
            .Select(r => new ResourceReachedStatus(r.ResourceId, r.Name, r.Kind, r.Organisation, r.Current))
            .ToList();
        if (moved.Count > 0)
        {
            Record(new IncidentResourcesChanged(Subject, at, EngagedResourceCount, moved));
        }
    }

    private void AnnounceOpening(MessageContext context) =>
        Record(new IncidentOpened(Subject, context.SentAt, NatureCode, NatureFamily, NatureLabel, OpenedAt, ReceivedAt));
}
