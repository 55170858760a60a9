namespace Enki.Domain.Incidents;

/// <summary>An EMSI mission on the incident (e.g. « Secours à personne »), latest known state.</summary>
public sealed record IncidentMission(
    string MissionId,
    string Type,
    string? TypeLabel,
    string Name,
    string Status,
    string? Organisation,
    DateTimeOffset? StartAt,
    DateTimeOffset? EndAt);
