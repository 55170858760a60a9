namespace Enki.Domain.Incidents;

/// <summary>Where an incident stands, as its senders report it (the intake maps their status codes here).</summary>
public enum IncidentStatus
{
    /// <summary>Reported (a new case, or a partner saying it has not started): not yet under way.</summary>
    Reported,
    /// <summary>Operations under way.</summary>
    InProgress,
    /// <summary>Operations paused.</summary>
    Suspended,
    /// <summary>Operations completed.</summary>
    Completed,
    /// <summary>The sender cancelled the case.</summary>
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
