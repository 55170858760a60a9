using Enki.Domain.Incidents;

namespace Enki.Infrastructure.Incidents;

/// <summary>
/// One line of an incident list: the columns only, never the JSON collections (timeline, resources)
/// nor the caller's personal data, so a page of 100 rows stays small.
/// </summary>
public sealed record IncidentRow(
    Guid Id,
    string CaseId,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    string NatureCode,
    string NatureLabel,
    string NatureFamily,
    IncidentStatus Status,
    bool IsExercise,
    string CommuneCode,
    string CommuneName,
    string DepartmentCode,
    string? Address,
    IncidentVictims Victims,
    int EngagedResourceCount);
