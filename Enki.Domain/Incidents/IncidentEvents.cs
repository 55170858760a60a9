using Enki.Domain.Access;
using Enki.Domain.Events;

namespace Enki.Domain.Incidents;

/// <summary>What every incident event says of its incident: enough for a screen to decide whether it cares.</summary>
public sealed record IncidentSubject(
    Guid IncidentId, string CaseId, string CommuneCode, string DepartmentCode, string ZoneCode, bool IsExercise, IncidentStatus Status)
    : ILocatedInTerritory;

/// <summary>A meaningful change of an incident, timed by the sender's clock of the message that made it.</summary>
public abstract record IncidentEvent(IncidentSubject Incident, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override ILocatedInTerritory Territory() => Incident;

    public override Guid? SubjectId() => Incident.IncidentId;

    public override bool IsExercise() => Incident.IsExercise;
}

/// <param name="OpenedAt">When it happened at the sender (the case's creation, clamped to the reception).</param>
public sealed record IncidentOpened(
    IncidentSubject Incident, DateTimeOffset OccurredAt, string NatureCode, string NatureFamily, string NatureLabel,
    DateTimeOffset OpenedAt, DateTimeOffset ReceivedAt) : IncidentEvent(Incident, OccurredAt);

public sealed record IncidentRequalified(
    IncidentSubject Incident, DateTimeOffset OccurredAt, string PreviousNatureCode, string NatureCode, string NatureFamily, string NatureLabel)
    : IncidentEvent(Incident, OccurredAt);

/// <summary>A status change that does not end the case (« Signalé » → « En cours », suspended...).</summary>
public sealed record IncidentStatusChanged(IncidentSubject Incident, DateTimeOffset OccurredAt, IncidentStatus Previous)
    : IncidentEvent(Incident, OccurredAt);

/// <summary>The case ended: completed or cancelled (<see cref="IncidentSubject.Status"/> says which).</summary>
public sealed record IncidentClosed(IncidentSubject Incident, DateTimeOffset OccurredAt, IncidentStatus Previous)
    : IncidentEvent(Incident, OccurredAt);

public sealed record IncidentVictimsChanged(IncidentSubject Incident, DateTimeOffset OccurredAt, IncidentVictims Previous, IncidentVictims Victims)
    : IncidentEvent(Incident, OccurredAt);

/// <summary>Resources reached a new status (engaged, on their way, on scene, back at base).</summary>
/// <param name="Changes">Each resource whose current status changed, with that status and its time.</param>
public sealed record IncidentResourcesChanged(
    IncidentSubject Incident, DateTimeOffset OccurredAt, int EngagedCount, IReadOnlyList<ResourceReachedStatus> Changes)
    : IncidentEvent(Incident, OccurredAt);

public sealed record ResourceReachedStatus(string ResourceId, string Name, string? Kind, string? Organisation, ResourceStatusChange Status);
