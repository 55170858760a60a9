namespace Enki.Domain.Crises;

/// <summary>Audit action names of crises and their main courante (stable, stored) and their French labels.</summary>
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
    public const string SituationReportExported = "crise.point_de_situation";
    public const string RetexEdited = "crise.retex_modifie";
    public const string RetexFrozen = "crise.retex_fige";
    public const string RetexExported = "crise.retex_export";

    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [Opened] = "Crise ouverte",
        [Edited] = "Crise modifiée",
        [Ended] = "Crise terminée",
        [Reopened] = "Crise rouverte",
        [IncidentAttached] = "Incident rattaché à une crise",
        [IncidentDetached] = "Incident détaché d'une crise",
        [ParticipantSet] = "Participant de crise ajouté ou modifié",
        [LogbookAppended] = "Entrée de main courante",
        [LogbookExported] = "Main courante exportée",
        [SituationReportExported] = "Point de situation téléchargé",
        [RetexEdited] = "RETEX modifié",
        [RetexFrozen] = "RETEX figé",
        [RetexExported] = "RETEX exporté",
    };
}
