using System.Globalization;
using Enki.Domain.Incidents;

namespace Enki.Web.Components.Incidents.Detail;

/// <summary>A timeline entry in French: its kind as a caption and what it did as one sentence.</summary>
public static class TimelineSentences
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Kind(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.Opened or TimelineEntryKind.OlderCreationKept => "Création",
        TimelineEntryKind.Requalified => "Requalification",
        TimelineEntryKind.Cancelled => "Annulation",
        TimelineEntryKind.ResourcesReported => "Moyens",
        TimelineEntryKind.SituationReported => "Point de situation",
        _ => kind.ToString(),
    };

    public static string Summary(TimelineEntry entry) => entry.Kind switch
    {
        TimelineEntryKind.Opened => $"Affaire créée : {Nature(entry)}",
        TimelineEntryKind.Requalified => $"Affaire requalifiée : {Nature(entry)}",
        TimelineEntryKind.OlderCreationKept => "Message de création plus ancien que l'état connu : conservé dans l'historique",
        TimelineEntryKind.Cancelled => "Affaire annulée par l'émetteur",
        TimelineEntryKind.ResourcesReported => "Moyens : " + string.Join(" ; ",
            (entry.Resources ?? []).Select(r => $"{r.Name} : {r.StatusLabel} ({r.At.ToString("HH:mm", French)})")),
        TimelineEntryKind.SituationReported => Situation(entry.Situation),
        _ => Kind(entry.Kind),
    };

    private static string Nature(TimelineEntry entry) =>
        entry.Qualification is { } q ? $"{q.NatureLabel} à {q.CommuneName}" : "";

    private static string Situation(TimelineSituation? situation)
    {
        if (situation is null)
        {
            return "Point de situation";
        }
        var parts = new List<string>();
        if (situation.Status is { } status)
        {
            parts.Add(status.French());
        }
        if (situation.Scale is { } scale)
        {
            parts.Add($"échelle {scale}");
        }
        if (situation.Triage is { } t)
        {
            parts.Add($"victimes UA {t.Red ?? 0}, UR {t.Yellow ?? 0}, impliqués {t.Green ?? 0}, décédés {t.Deceased ?? 0}");
        }
        if (situation.Evacuation is { } e)
        {
            parts.Add($"évacués {e.Evacuated ?? 0}, déplacés {e.Displaced ?? 0}");
        }
        if (situation.MissionCount > 0)
        {
            parts.Add($"{situation.MissionCount} mission(s)");
        }
        var text = parts.Count == 0 ? "Point de situation" : "Point de situation : " + string.Join(", ", parts);
        return situation.Origin is { } origin ? $"{text} ({origin})" : text;
    }
}
