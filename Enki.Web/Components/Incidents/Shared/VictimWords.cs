using Enki.Domain.Incidents;
using Enki.Domain.Intake;

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

    /// <summary>The estimate in a grid cell: « ≈ 2 à 4 ».</summary>
    public static string Short(VictimCountEstimate? estimate) => estimate switch
    {
        VictimCountEstimate.None => "≈ 0",
        VictimCountEstimate.One => "≈ 1",
        VictimCountEstimate.Several => "≈ 2 à 4",
        VictimCountEstimate.Many => "≈ 5 et +",
        _ => "≈ ?",
    };

    public static bool HasCounts(IncidentVictims victims) =>
        victims.Injured + victims.Deceased + victims.Missing + victims.Evacuated + victims.Displaced > 0;
}
