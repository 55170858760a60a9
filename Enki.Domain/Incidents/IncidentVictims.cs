namespace Enki.Domain.Incidents;

/// <summary>
/// Victims of an incident: the first estimate in words (the call) and then the triage counts (the partners on scene),
/// which replace each other only with newer information.
/// </summary>
public sealed record IncidentVictims(
    VictimCountEstimate? Estimate,
    int Red,
    int Yellow,
    int Green,
    int Deceased,
    int Missing,
    int Evacuated,
    int Displaced)
{
    public static readonly IncidentVictims None = new(null, 0, 0, 0, 0, 0, 0, 0);

    public int Injured => Red + Yellow + Green;
}
