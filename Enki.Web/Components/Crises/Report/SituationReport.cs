using Enki.Domain.Logbook;

namespace Enki.Web.Components.Crises.Report;

/// <summary>
/// The four parts of a point de situation, taken from the main courante: the latest situation report,
/// then the actions, requests (needs) and decisions (next steps) written since it — corrected entries left out.
/// </summary>
public sealed record SituationReport(LogbookEntry? Situation, IReadOnlyList<LogbookEntry> Actions,
    IReadOnlyList<LogbookEntry> Needs, IReadOnlyList<LogbookEntry> NextSteps)
{
    private const int PerSection = 8;

    public static SituationReport From(IReadOnlyList<LogbookEntry> oldestFirst)
    {
        var corrected = oldestFirst.Where(e => e.Corrects is not null).Select(e => e.Corrects!.Value).ToHashSet();
        var current = oldestFirst.Where(e => !corrected.Contains(e.Id)).Reverse().ToList();
        var situation = current.FirstOrDefault(e => e.Kind == LogbookEntryKind.SituationReport);
        // Without a previous report, the whole logbook is "since".
        var since = current.Where(e => situation is null || e.At >= situation.At).ToList();
        List<LogbookEntry> Of(LogbookEntryKind kind) =>
            since.Where(e => e.Kind == kind && !e.Tags.Contains(LogbookEntryKinds.AutomaticTag)).Take(PerSection).ToList();
        return new SituationReport(situation, Of(LogbookEntryKind.Action), Of(LogbookEntryKind.Request), Of(LogbookEntryKind.Decision));
    }
}
