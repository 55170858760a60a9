namespace Enki.Domain.Logbook;

public static class LogbookEntryKinds
{
    public static string French(this LogbookEntryKind kind) => kind switch
    {
        LogbookEntryKind.Information => "Information",
        LogbookEntryKind.Decision => "Décision",
        LogbookEntryKind.Request => "Demande",
        LogbookEntryKind.Action => "Action",
        LogbookEntryKind.SituationReport => "Point de situation",
        _ => kind.ToString(),
    };

    /// <summary>Tag of the entries the system writes itself (lifecycle, attachments).</summary>
    public const string AutomaticTag = "automatique";
}
