using Enki.Domain.Incidents;

namespace Enki.Web.Components.Incidents.Shared;

/// <summary>Victims in French: the first estimate in words, then the triage counts.</summary>
public static class VictimWords
{
    public static string Estimate(VictimCountEstimate? estimate) => estimate switch
    {
        VictimCountEstimate.None => "aucune victime",
        VictimCountEstimate.One => "une victime",
        VictimCountEstimate.Several => "plusieurs victimes (2 à 4)",
        VictimCountEstimate.Many => "nombreuses victimes (5 et plus)",
        VictimCountEstimate.Unknown => "nombre de victimes inconnu",
        VictimCountEstimate.NotDefined => "nombre de victimes non défini",
        _ => "aucune estimation",
    };

    /// <summary>« 1 blessé léger, 2 impliqués »: the counts as a mayor reads them (the triage codes go in a tooltip).</summary>
    public static string Plain(IncidentVictims victims)
    {
        if (!HasCounts(victims)) return victims.Estimate is { } estimate ? Capitalised(Estimate(estimate)) : "Aucune victime signalée";
        var parts = new List<string>();
        void Add(int count, string one, string many)
        {
            if (count > 0) parts.Add($"{count} {(count == 1 ? one : many)}");
        }
        Add(victims.Deceased, "décédé", "décédés");
        Add(victims.Red, "blessé grave", "blessés graves");
        Add(victims.Yellow, "blessé léger", "blessés légers");
        Add(victims.Green, "impliqué", "impliqués");
        Add(victims.Missing, "disparu", "disparus");
        Add(victims.Evacuated, "évacué", "évacués");
        Add(victims.Displaced, "déplacé", "déplacés");
        return string.Join(", ", parts);
    }

    /// <summary>The triage codes behind <see cref="Plain"/>: « UA 0 · UR 1 · Imp. 2 · DCD 0 ».</summary>
    public static string Codes(IncidentVictims victims) =>
        $"UA (urgences absolues) {victims.Red} · UR (urgences relatives) {victims.Yellow} · impliqués {victims.Green} · DCD {victims.Deceased}";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static bool HasCounts(IncidentVictims victims) =>
        victims.Injured + victims.Deceased + victims.Missing + victims.Evacuated + victims.Displaced > 0;
}
