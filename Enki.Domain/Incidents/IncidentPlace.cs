namespace Enki.Domain.Incidents;

/// <summary>
/// Where an incident is, resolved against the geography: the commune decides the department and the
/// zone, which is what jurisdictions filter on.
/// </summary>
/// <param name="Discrepancy">Why the place differs from what the message said (e.g. a postal code sent as INSEE code), in French; null when consistent.</param>
public sealed record IncidentPlace(
    string CommuneCode,
    string CommuneName,
    string DepartmentCode,
    string ZoneCode,
    double? Latitude,
    double? Longitude,
    string? Address,
    string? Discrepancy);
