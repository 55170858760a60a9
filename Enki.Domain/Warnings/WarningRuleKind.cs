namespace Enki.Domain.Warnings;

/// <summary>What a warning rule watches for.</summary>
public enum WarningRuleKind
{
    /// <summary>Any new incident of the chosen nature families (all families when none is chosen).</summary>
    NewIncident,

    /// <summary>An incident's victims reach a threshold in one of the chosen categories (a death, an urgence absolue…).</summary>
    Victims,

    /// <summary>N incidents opened within an hour on the territory.</summary>
    IncidentBurst,

    /// <summary>An hour unusually busy against the same hour of previous weeks (indicators library): evaluated in a later step.</summary>
    UnusualHour,

    /// <summary>A mobilisation request addressed to a commune of the territory.</summary>
    MobilisationReceived,

    /// <summary>A mobilisation request of the territory whose deadline passed.</summary>
    MobilisationOverdue,

    /// <summary>A weather or flood vigilance reaching orange (or red, as the rule says) over the territory: fed by the vigilance intake.</summary>
    Vigilance,
}

public static class WarningRuleKindWords
{
    public static string French(this WarningRuleKind kind) => kind switch
    {
        WarningRuleKind.NewIncident => "Nouvelle intervention",
        WarningRuleKind.Victims => "Victimes",
        WarningRuleKind.IncidentBurst => "Interventions nombreuses en une heure",
        WarningRuleKind.UnusualHour => "Heure inhabituelle",
        WarningRuleKind.MobilisationReceived => "Demande de mobilisation reçue",
        WarningRuleKind.MobilisationOverdue => "Demande de mobilisation en retard",
        WarningRuleKind.Vigilance => "Vigilance orange ou rouge",
        _ => kind.ToString(),
    };
}
