namespace Enki.Domain.Incidents;

/// <summary>Where an incident stands, as its senders report it (EMSI <c>EVENT.STATUS</c>, cancellations).</summary>
public enum IncidentStatus
{
    /// <summary>Reported (RC-EDA createCase / CISU createEvent, or EMSI NST): not yet under way.</summary>
    Reported,
    /// <summary>EMSI IPR: operations under way.</summary>
    InProgress,
    /// <summary>EMSI STOP: operations paused.</summary>
    Suspended,
    /// <summary>EMSI COM: operations completed.</summary>
    Completed,
    /// <summary>The sender cancelled the case (EMSI CANCEL, EDXL-DE Cancel).</summary>
    Cancelled,
}

public static class IncidentStatusLabels
{
    public static string French(this IncidentStatus status) => status switch
    {
        IncidentStatus.Reported => "Signalé",
        IncidentStatus.InProgress => "En cours",
        IncidentStatus.Suspended => "Suspendu",
        IncidentStatus.Completed => "Terminé",
        IncidentStatus.Cancelled => "Annulé",
        _ => status.ToString(),
    };

    /// <summary>Still needs attention: counted among incidents in progress.</summary>
    public static bool IsActive(this IncidentStatus status) =>
        status is IncidentStatus.Reported or IncidentStatus.InProgress or IncidentStatus.Suspended;
}
