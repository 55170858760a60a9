using Enki.Domain.Incidents;

namespace Enki.Domain.History;

/// <summary>An incident as it stood at a past instant: what had been reported of it before then, placed where it was opened.</summary>
public sealed record IncidentThen(
    Guid IncidentId,
    string CaseId,
    string CommuneCode,
    string DepartmentCode,
    IncidentStatus Status,
    string NatureCode,
    string NatureFamily,
    string NatureLabel,
    DateTimeOffset OpenedAt,
    IncidentVictims Victims,
    int EngagedResources,
    string ZoneCode = "")
{
    public bool IsOpen => Status is not (IncidentStatus.Completed or IncidentStatus.Cancelled);
}
