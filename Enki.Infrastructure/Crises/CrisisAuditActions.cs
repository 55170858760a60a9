namespace Enki.Infrastructure.Crises;

/// <summary>Audit action names of crises and their main courante (stable, stored).</summary>
public static class CrisisAuditActions
{
    public const string Opened = "crise.ouverte";
    public const string Edited = "crise.modifiee";
    public const string Ended = "crise.terminee";
    public const string Reopened = "crise.rouverte";
    public const string IncidentAttached = "crise.incident_rattache";
    public const string IncidentDetached = "crise.incident_detache";
    public const string ParticipantSet = "crise.participant";
    public const string LogbookAppended = "main_courante.entree";
    public const string LogbookExported = "main_courante.export";
}
