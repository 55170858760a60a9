using Enki.Infrastructure.Nexsis.Nomenclature;

namespace Enki.Infrastructure.Nexsis.Messages;

/// <summary>
/// An EMSI message: the situation of a case as a partner sees it (status, scale, victims by triage
/// colour, evacuations, positions, missions, resources). Positions carry coordinates and free address
/// text only: the commune is found later from the point.
/// </summary>
/// <param name="CaseId"><c>EVENT.MAIN_EVENT_ID</c> (the shared case id), or <c>EVENT.ID</c> when absent.</param>
/// <param name="LocalEventId"><c>EVENT.ID</c>: the sender's own case number.</param>
/// <param name="MessageId"><c>CONTEXT.ID</c>.</param>
/// <param name="MessageType"><c>CONTEXT.MSGTYPE</c> (ACK, ALERT, CANCEL, ERROR, UPDATE).</param>
/// <param name="CreatedAt"><c>CONTEXT.CREATION</c>.</param>
/// <param name="OriginOrganisationId"><c>CONTEXT.ORIGIN.ORG_ID</c>.</param>
/// <param name="OriginName"><c>CONTEXT.ORIGIN.NAME</c>.</param>
/// <param name="ContextText"><c>CONTEXT.FREETEXT</c>.</param>
/// <param name="EventName"><c>EVENT.NAME</c>.</param>
/// <param name="Status"><c>EVENT.STATUS</c>, null when absent.</param>
/// <param name="Scale"><c>EVENT.SCALE</c> 1 to 5, null when absent.</param>
/// <param name="Certainty"><c>EVENT.CERTAINTY</c> (percent).</param>
/// <param name="DeclaredAt"><c>EVENT.DECL_DATIME</c>.</param>
/// <param name="OccurredAt"><c>EVENT.OCC_DATIME</c>.</param>
/// <param name="ObservedAt"><c>EVENT.OBS_DATIME</c>.</param>
/// <param name="RiskAssessment"><c>EVENT.RISK_ASSESMENT</c> (sic; NCREA, DECREA, STABLE).</param>
/// <param name="Cause"><c>EVENT.CAUSE</c> (ACC, DEL, NAT).</param>
/// <param name="Categories"><c>EVENT.ETYPE.CATEGORY[]</c>.</param>
/// <param name="EventText"><c>EVENT.FREETEXT</c>.</param>
/// <param name="Casualties"><c>EVENT.CASUALTIES[]</c>.</param>
/// <param name="Evacuations"><c>EVENT.EVAC[]</c>.</param>
/// <param name="Positions"><c>EVENT.EGEO[]</c> that carry a position.</param>
/// <param name="Missions"><c>MISSION[]</c>.</param>
/// <param name="Resources"><c>RESOURCE[]</c>.</param>
public sealed record SituationUpdated(
    string CaseId,
    string LocalEventId,
    string MessageId,
    string? MessageType,
    DateTimeOffset? CreatedAt,
    string? OriginOrganisationId,
    string? OriginName,
    string? ContextText,
    string? EventName,
    EmsiEventStatus? Status,
    int? Scale,
    int? Certainty,
    DateTimeOffset? DeclaredAt,
    DateTimeOffset? OccurredAt,
    DateTimeOffset? ObservedAt,
    string? RiskAssessment,
    string? Cause,
    IReadOnlyList<string> Categories,
    string? EventText,
    IReadOnlyList<TriageCount> Casualties,
    IReadOnlyList<EvacuationCount> Evacuations,
    IReadOnlyList<EmsiPosition> Positions,
    IReadOnlyList<EmsiMission> Missions,
    IReadOnlyList<EmsiResource> Resources) : IntakeMessage;

/// <summary>EMSI <c>EVENT.STATUS</c>.</summary>
public enum EmsiEventStatus
{
    /// <summary><c>NST</c>: not started.</summary>
    NotStarted,
    /// <summary><c>IPR</c>: in progress.</summary>
    InProgress,
    /// <summary><c>STOP</c>: paused.</summary>
    Stopped,
    /// <summary><c>COM</c>: completed.</summary>
    Completed,
}

/// <summary>EMSI <c>CASUALTIES</c>: victims by triage colour; every count is null when not sent.</summary>
/// <param name="Context"><c>CONTEXT</c> (e.g. REQ_ACTION).</param>
/// <param name="CountedAt"><c>DATIME</c>.</param>
/// <param name="Red"><c>TRIAGERED</c>: absolute emergency.</param>
/// <param name="Yellow"><c>TRIAGEYELLOW</c>: relative emergency.</param>
/// <param name="Green"><c>TRIAGEGREEN</c>: slightly injured.</param>
/// <param name="Black"><c>TRIAGEBLACK</c>: deceased.</param>
/// <param name="Missing"><c>MISSING</c>.</param>
/// <param name="Decontaminated"><c>DECONT</c>.</param>
public sealed record TriageCount(
    string? Context,
    DateTimeOffset? CountedAt,
    int? Red,
    int? Yellow,
    int? Green,
    int? Black,
    int? Missing,
    int? Decontaminated)
{
    /// <summary>The deceased are the black triage.</summary>
    public int? Deceased => Black;
}

/// <summary>EMSI <c>EVAC</c>: displaced and evacuated people.</summary>
public sealed record EvacuationCount(DateTimeOffset? CountedAt, int? Displaced, int? Evacuated);

/// <summary>An EMSI <c>POSITION</c> (of an <c>EGEO</c> or a <c>MISSION</c>).</summary>
/// <param name="LocationId"><c>LOC_ID</c>.</param>
/// <param name="Name"><c>NAME</c>.</param>
/// <param name="Type"><c>TYPE</c> (POINT...).</param>
/// <param name="Coordinates"><c>COORD[]</c>.</param>
/// <param name="AddressLines"><c>ADDRESS[]</c>; the literal <c>None</c> some senders write is dropped.</param>
/// <param name="GeoType">For an EGEO, its <c>TYPE</c> (e.g. GEN/ROUTE).</param>
/// <param name="ObservedAt">For an EGEO, its <c>DATIME</c>.</param>
public sealed record EmsiPosition(
    string? LocationId,
    string? Name,
    string? Type,
    IReadOnlyList<GeoCoordinate> Coordinates,
    IReadOnlyList<string> AddressLines,
    string? GeoType,
    DateTimeOffset? ObservedAt);

/// <summary>An EMSI <c>MISSION</c>.</summary>
/// <param name="Status"><c>STATUS</c> (ABO, NST, CANCLD, COM, IPR, PAU), as sent.</param>
/// <param name="Priority"><c>PRIORITY</c> 0 to 5.</param>
public sealed record EmsiMission(
    string Id,
    string Type,
    string Name,
    string Status,
    string? OrganisationId,
    DateTimeOffset? StartAt,
    DateTimeOffset? EndAt,
    IReadOnlyList<string> ResourceIds,
    IReadOnlyList<string> ParentMissionIds,
    IReadOnlyList<string> ChildMissionIds,
    string? MainMissionId,
    int? Priority,
    EmsiPosition? Position,
    string? FreeText)
{
    /// <summary>French label of the mission type, null when unknown.</summary>
    public string? TypeLabel => NexsisNomenclature.Label(NomenclatureList.EmsiMissionType, Type);
}

/// <summary>An EMSI <c>RESOURCE</c>.</summary>
/// <param name="Classes"><c>RTYPE.RCLASS[]</c> (e.g. MAT/VEH).</param>
/// <param name="Capabilities"><c>RTYPE.CAPABILITY[]</c>.</param>
/// <param name="Status"><c>STATUS</c> (AVAILB, IN_USE/MOBILE, IN_USE/ON_SCENE...), as sent.</param>
/// <param name="Quantity"><c>QUANTITY</c>.</param>
/// <param name="Unit"><c>UM</c>.</param>
public sealed record EmsiResource(
    string Id,
    string Name,
    IReadOnlyList<string> Classes,
    IReadOnlyList<string> Capabilities,
    string? OrganisationId,
    string Status,
    double? Quantity,
    string? Unit,
    string? FreeText,
    string? Nationality)
{
    /// <summary>French label of the status, null when unknown.</summary>
    public string? StatusLabel => NexsisNomenclature.Label(NomenclatureList.EmsiResourceStatus, Status);
}
