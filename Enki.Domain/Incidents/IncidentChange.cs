namespace Enki.Domain.Incidents;

/// <summary>
/// Something changed on an incident: what a live screen needs to decide whether it cares (its
/// territory and exercise flag) before asking for the incident itself.
/// </summary>
public sealed record IncidentChange(
    Guid IncidentId,
    string CaseId,
    string CommuneCode,
    string DepartmentCode,
    string ZoneCode,
    bool IsExercise,
    IncidentStatus Status,
    bool IsNew,
    DateTimeOffset At) : Access.ILocatedInTerritory
{
    public static IncidentChange Of(Incident incident, bool isNew) =>
        new(incident.Id, incident.CaseId, incident.CommuneCode, incident.DepartmentCode, incident.ZoneCode,
            incident.IsExercise, incident.Status, isNew, incident.UpdatedAt);
}
