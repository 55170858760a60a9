using Enki.Infrastructure.Nexsis.Nomenclature;

namespace Enki.Infrastructure.Nexsis.Messages;

/// <summary>RC-RI <c>resourcesInfoCisu</c>: the resources a partner engaged on a case and their states.</summary>
public sealed record ResourcesReported(string CaseId, IReadOnlyList<ReportedResource> Resources) : IntakeMessage;

/// <summary>One RC-RI <c>resource</c>.</summary>
/// <param name="ResourceId"><c>resourceId</c>.</param>
/// <param name="Name"><c>name</c> (e.g. VSR-Rea3).</param>
/// <param name="VehicleType"><c>vehicleType</c> (SIS or SMUR).</param>
/// <param name="OrganisationId"><c>orgId</c>.</param>
/// <param name="CentreName"><c>centerName</c>.</param>
/// <param name="TeamName"><c>team.name</c>.</param>
/// <param name="MedicalLevel"><c>team.medicalLevel</c> (MED, PARAMED, SECOURS, SANS).</param>
/// <param name="EngagedAt"><c>datetime</c>: when the resource was engaged on the case.</param>
/// <param name="State"><c>state</c>.</param>
/// <param name="Position"><c>position</c>, null when absent.</param>
/// <param name="MissionId"><c>missionId</c>.</param>
/// <param name="Notes"><c>freetext[]</c>.</param>
public sealed record ReportedResource(
    string ResourceId,
    string? Name,
    string? VehicleType,
    string? OrganisationId,
    string? CentreName,
    string? TeamName,
    string? MedicalLevel,
    DateTimeOffset EngagedAt,
    ResourceState State,
    ResourcePosition? Position,
    string? MissionId,
    IReadOnlyList<string> Notes);

/// <summary>RC-RI <c>state</c>: status code (DECISION, DECLENCHE, DEPART, ARRIVEE... RET-BASE) and when it changed.</summary>
/// <param name="Available"><c>availability</c>: true available, false unavailable, null unknown.</param>
public sealed record ResourceState(string StatusCode, DateTimeOffset ChangedAt, bool? Available)
{
    /// <summary>French label of the status, null when unknown.</summary>
    public string? StatusLabel => NexsisNomenclature.Label(NomenclatureList.ResourceStatus, StatusCode);
}

/// <summary>RC-RI <c>position</c>: a point and when it was observed.</summary>
public sealed record ResourcePosition(GeoCoordinate Point, DateTimeOffset ObservedAt);
