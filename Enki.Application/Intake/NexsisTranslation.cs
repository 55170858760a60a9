using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Messages;
using Enki.Infrastructure.Nexsis.Nomenclature;

namespace Enki.Application.Intake;

/// <summary>
/// NexSIS messages in the incident's words: codes are looked up in the NexSIS lists and EMSI
/// statuses mapped here, so the aggregate knows no protocol.
/// </summary>
public static class NexsisTranslation
{
    public static IncidentCase Case(CaseCreated created) => new(created.CaseId, created.SenderCaseId, created.CreatedAt);

    public static IncidentQualification Qualification(CaseCreated created) =>
        new(Nature(created.NatureCode, created.NatureLabelAsSent), created.LocationKind?.Label, created.Victims?.Count, created.Caller);

    /// <summary>
    /// A code missing from the embedded list is taken with the sender's label; a known code keeps the
    /// sender's label only when it says something else than ours.
    /// </summary>
    public static IncidentNature Nature(string code, string? labelAsSent)
    {
        var known = NexsisNomenclature.NatureOfFact(code);
        return new IncidentNature(
            code,
            known?.FullLabel ?? labelAsSent ?? code,
            code.Length >= 3 ? code[..3] : code,
            known is null || !NatureLabels.Agree(known, labelAsSent) ? labelAsSent : null,
            CodeUnknown: known is null);
    }

    /// <summary>RC-RI: each resource with its state, labelled from the RC-RI list.</summary>
    public static IReadOnlyList<ResourceReport> Resources(ResourcesReported report) =>
        report.Resources.Select(r => new ResourceReport(
                r.ResourceId, r.Name ?? r.ResourceId, r.VehicleType, r.OrganisationId,
                new ResourceStatusChange(r.State.StatusCode, r.State.StatusLabel ?? r.State.StatusCode, r.State.ChangedAt),
                Releases(r.State.StatusCode)))
            .ToList();

    /// <summary>EMSI <c>MSGTYPE</c> CANCEL: the sender cancels the case.</summary>
    public static bool IsCancellation(SituationUpdated situation) =>
        string.Equals(situation.MessageType, "CANCEL", StringComparison.OrdinalIgnoreCase);

    /// <summary>EMSI: the latest count of each kind is the current one; resources are timed by the message (EMSI gives them no time).</summary>
    public static IncidentSituation Situation(SituationUpdated situation, DateTimeOffset sentAt)
    {
        var triage = situation.Casualties.OrderBy(c => c.CountedAt).LastOrDefault();
        var evacuation = situation.Evacuations.OrderBy(e => e.CountedAt).LastOrDefault();
        return new IncidentSituation(
            situation.Status is { } status ? StatusOf(status) : null,
            situation.Scale,
            triage is null ? null : new TriageReport(triage.Red, triage.Yellow, triage.Green, triage.Deceased, triage.Missing),
            evacuation is null ? null : new EvacuationReport(evacuation.Evacuated, evacuation.Displaced),
            situation.Missions.Select(m => new IncidentMission(
                m.Id, m.Type, m.TypeLabel, m.Name, m.Status, m.OrganisationId, m.StartAt, m.EndAt)).ToList(),
            situation.Resources.Select(r => new ResourceReport(
                r.Id, r.Name, r.Classes.FirstOrDefault(), r.OrganisationId,
                new ResourceStatusChange(r.Status, r.StatusLabel ?? r.Status, sentAt), Releases(r.Status))).ToList(),
            situation.OriginName ?? situation.OriginOrganisationId);
    }

    /// <summary>The first EMSI position that lies in a commune, with its first address line (or its name).</summary>
    public static IncidentPlace? Place(SituationUpdated situation, IncidentLocator locator) =>
        situation.Positions
            .Select(p => locator.Resolve(
                p.Coordinates.Select(c => new GeoPoint(c.Latitude, c.Longitude)), p.AddressLines.FirstOrDefault() ?? p.Name))
            .FirstOrDefault(p => p is not null);

    /// <summary>RC-RI back at base (RET-BASE, REN-BASE) or cancelled (ANNULE), EMSI available (AVAILB): the resource is free again.</summary>
    public static bool Releases(string statusCode) => statusCode is "RET-BASE" or "REN-BASE" or "ANNULE" or "AVAILB";

    public static IncidentStatus StatusOf(EmsiEventStatus status) => status switch
    {
        EmsiEventStatus.NotStarted => IncidentStatus.Reported,
        EmsiEventStatus.InProgress => IncidentStatus.InProgress,
        EmsiEventStatus.Stopped => IncidentStatus.Suspended,
        EmsiEventStatus.Completed => IncidentStatus.Completed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
