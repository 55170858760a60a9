using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Nomenclature;

namespace Enki.Infrastructure.Nexsis.Messages;

/// <summary>
/// A new case shared with Enki: RC-EDA <c>createCase</c> (hub JSON) or CISU 2.0 <c>createEvent</c> (XML).
/// Codes and place names are kept as sent (an INSEE field holding a postal code stays so).
/// </summary>
/// <param name="CaseId">RC-EDA <c>caseId</c> (<c>{country}.{domain}.{organisation}.{sender case id}</c>); CISU XML <c>eventId</c> (a GUID).</param>
/// <param name="SenderCaseId">RC-EDA <c>senderCaseId</c>; null in CISU XML, which has none.</param>
/// <param name="CreatedAt">RC-EDA <c>creation</c>; CISU XML <c>createdAt</c>.</param>
/// <param name="ReportedAt">Reception of the initial alert: RC-EDA <c>initialAlert.reception</c>; CISU XML <c>primaryAlert.receivedAt</c>.</param>
/// <param name="NatureCode">Nature de fait <c>Cxx.yy.zz</c> (<c>qualification.whatsHappen.code</c> / <c>alertCode.whatsHappen.code</c>).</param>
/// <param name="NatureLabelAsSent">The label the sender put next to the code (free wording, sometimes <c>family|label</c>).</param>
/// <param name="Location">Where it happens (case-level location; the initial alert location is not kept).</param>
/// <param name="LocationKindCode">Type de lieu <c>Lxx.yy.zz</c>.</param>
/// <param name="HealthMotiveCode">Motif patient-victime <c>Mxx.yy</c>.</param>
/// <param name="RiskThreatCodes">Risque / menace <c>Rxx</c>, in the order sent.</param>
/// <param name="Victims">Victim estimate of the qualification, null when the message has none.</param>
/// <param name="Severity">CISU XML <c>severity</c> (e.g. SEVERE); null in RC-EDA.</param>
/// <param name="Alert">The initial alert (id, reporting), null when absent.</param>
/// <param name="Notes">Free texts: alert notes, case free text, victim and nature comments.</param>
/// <param name="Caller">Caller's personal data, kept apart so later layers can hide it. RC-EDA: <c>initialAlert.caller</c>
/// (<c>detailedName</c>, <c>callerContact.detail</c>, <c>callbackContact.detail</c>, <c>type</c>, <c>freetext</c>, <c>language</c>);
/// CISU XML: <c>caller.callerURI</c> only, without <c>tel:</c>.</param>
public sealed record CaseCreated(
    string CaseId,
    string? SenderCaseId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReportedAt,
    string NatureCode,
    string? NatureLabelAsSent,
    CaseLocation Location,
    string? LocationKindCode,
    string? HealthMotiveCode,
    IReadOnlyList<string> RiskThreatCodes,
    CaseVictims? Victims,
    string? Severity,
    CaseAlert? Alert,
    IReadOnlyList<CaseNote> Notes,
    CallerContact? Caller) : IntakeMessage
{
    /// <summary>The nature de fait from the embedded code list, null when the code is unknown.</summary>
    public CodedLabel? Nature => NexsisNomenclature.NatureOfFact(NatureCode);

    /// <summary>The type de lieu from the embedded code list, null when absent or unknown.</summary>
    public CodedLabel? LocationKind => NexsisNomenclature.LocationKind(LocationKindCode);
}

/// <summary>
/// The place of a case, as sent. RC-EDA: <c>location.city</c>, <c>detailedAddress</c>, <c>freetext</c>,
/// <c>locLabel</c>, <c>geometry.point.coord</c>. CISU XML: <c>eventLocation</c> address lines and <c>coord</c>.
/// Neither format carries a postal code of its own.
/// </summary>
/// <param name="InseeCode">RC-EDA <c>city.inseeCode</c>, or the <c>(nnnnn)</c> address line of CISU XML; as sent.</param>
/// <param name="CityName">RC-EDA <c>city.name</c>, or the CISU XML address line just before the INSEE code.</param>
/// <param name="AddressText">RC-EDA <c>detailedAddress.complete</c>, or the remaining CISU XML address lines.</param>
/// <param name="StreetNumber">RC-EDA <c>detailedAddress.number</c>.</param>
/// <param name="LocationName">RC-EDA <c>locLabel</c> (or <c>name</c>).</param>
/// <param name="Note">RC-EDA <c>location.freetext</c> (directions).</param>
/// <param name="Point">The point, null when the message has none.</param>
/// <param name="Precision">RC-EDA <c>coord.precision</c> (VILLE, RUE, ADRESSE, EXACTE, INCONNUE).</param>
/// <param name="LocationId">RC-EDA <c>locID</c>, CISU XML <c>loc_Id</c>.</param>
/// <param name="Country">RC-EDA <c>country</c>.</param>
public sealed record CaseLocation(
    string? InseeCode,
    string? CityName,
    string? AddressText,
    string? StreetNumber,
    string? LocationName,
    string? Note,
    GeoCoordinate? Point,
    string? Precision,
    string? LocationId,
    string? Country)
{
    /// <summary>The place in the incident's words: the street (number and address) or else the place's name.</summary>
    public StatedPlace Stated()
    {
        var street = string.Join(' ', new[] { StreetNumber, AddressText }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new StatedPlace(
            InseeCode,
            Point is { } point ? new GeoPoint(point.Latitude, point.Longitude) : null,
            string.IsNullOrWhiteSpace(street) ? LocationName : street);
    }
}

/// <summary>Victim estimate of a qualification (<c>victims</c>): RC-EDA counts in French words (<c>0</c>, <c>1</c>, <c>PLUSIEURS</c>, <c>BEAUCOUP</c>, <c>INCONNU</c>, <c>NON DEFINI</c>), CISU XML in English.</summary>
public sealed record CaseVictims(VictimCountEstimate Count, MainVictimKind? MainVictim);

/// <summary>The main victim: RC-EDA <c>NOURRISSON, ENFANT, ADULTE, SENIOR, ENCEINTE</c>; CISU XML in English (<c>PREGNANT</c>...).</summary>
public enum MainVictimKind
{
    Infant,
    Child,
    Adult,
    Senior,
    Pregnant,
}

/// <summary>The initial alert of a case.</summary>
/// <param name="AlertId">RC-EDA <c>initialAlert.id</c>, CISU XML <c>primaryAlert.alertId</c>.</param>
/// <param name="Reporting"><c>STANDARD</c> or <c>ATTENTION</c> (flagged by the call-taker).</param>
/// <param name="DialledNumber">CISU XML <c>call.dialledURI</c> without its <c>tel:</c> scheme (e.g. 112).</param>
public sealed record CaseAlert(string? AlertId, string? Reporting, string? DialledNumber)
{
    /// <summary>True when the call-taker flagged the alert (<c>ATTENTION</c>).</summary>
    public bool IsFlaggedForAttention => string.Equals(Reporting, "ATTENTION", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Where a free text of a case came from.</summary>
public enum CaseNoteSource
{
    /// <summary>RC-EDA <c>initialAlert.notes[]</c>.</summary>
    AlertNote,
    /// <summary>RC-EDA <c>freetext[]</c> of the case.</summary>
    CaseText,
    /// <summary><c>victims.freetext</c> (RC-EDA) or <c>victims.comment</c> (CISU XML).</summary>
    VictimsComment,
    /// <summary>CISU XML <c>whatsHappen.comment</c>.</summary>
    NatureComment,
}

/// <summary>A free text of a case.</summary>
public sealed record CaseNote(string Text, DateTimeOffset? WrittenAt, CaseNoteSource Source);
