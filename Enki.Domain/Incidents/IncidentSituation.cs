namespace Enki.Domain.Incidents;

/// <summary>
/// The situation of an incident as a partner sees it: status, scale, the latest victim counts,
/// missions and resources. Every part is optional; what is absent leaves the incident as it is.
/// </summary>
/// <param name="Scale">1 to 5.</param>
/// <param name="Origin">Who reports it (a service's name or id), shown in the timeline.</param>
public sealed record IncidentSituation(
    IncidentStatus? Status,
    int? Scale,
    TriageReport? Triage,
    EvacuationReport? Evacuation,
    IReadOnlyList<IncidentMission> Missions,
    IReadOnlyList<ResourceReport> Resources,
    string? Origin);

/// <summary>Victims by triage colour; a count the partner did not give is null.</summary>
/// <param name="Red">Absolute emergency (UA).</param>
/// <param name="Yellow">Relative emergency (UR).</param>
/// <param name="Green">Slightly injured or involved.</param>
public sealed record TriageReport(int? Red, int? Yellow, int? Green, int? Deceased, int? Missing);

/// <summary>People evacuated and displaced; a count the partner did not give is null.</summary>
public sealed record EvacuationReport(int? Evacuated, int? Displaced);
