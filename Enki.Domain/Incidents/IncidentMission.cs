namespace Enki.Domain.Incidents;

/// <summary>A mission a partner runs on the incident (e.g. « Secours à personne »), latest known state; codes as the sender gives them.</summary>
public sealed record IncidentMission(
    string MissionId,
    string Type,
    string? TypeLabel,
    string Name,
    string Status,
    string? Organisation,
    DateTimeOffset? StartAt,
    DateTimeOffset? EndAt);
