using Enki.Domain.Incidents;

namespace Enki.Domain.Warnings;

/// <summary>A victim count a threshold applies to.</summary>
public enum VictimCategory
{
    /// <summary>Any victim: injured of every triage colour, deceased or missing.</summary>
    Any,
    Deceased,
    /// <summary>Urgence absolue (UA).</summary>
    Red,
    /// <summary>Urgence relative (UR).</summary>
    Yellow,
    Missing,
    Evacuated,
    Displaced,
}

/// <summary>« At least <see cref="AtLeast"/> in <see cref="Category"/> ».</summary>
public sealed record VictimThreshold(VictimCategory Category, int AtLeast)
{
    public int CountIn(IncidentVictims victims) => Category switch
    {
        VictimCategory.Any => victims.Injured + victims.Deceased + victims.Missing,
        VictimCategory.Deceased => victims.Deceased,
        VictimCategory.Red => victims.Red,
        VictimCategory.Yellow => victims.Yellow,
        VictimCategory.Missing => victims.Missing,
        VictimCategory.Evacuated => victims.Evacuated,
        _ => victims.Displaced,
    };

    /// <summary>True when this change brought the count from below the threshold to it or above (once per crossing).</summary>
    public bool CrossedBy(IncidentVictims before, IncidentVictims after) => CountIn(before) < AtLeast && CountIn(after) >= AtLeast;

    public string French => Category switch
    {
        VictimCategory.Any => AtLeast == 1 ? "au moins une victime" : $"au moins {AtLeast} victimes",
        VictimCategory.Deceased => AtLeast == 1 ? "au moins un décès" : $"au moins {AtLeast} décès",
        VictimCategory.Red => AtLeast == 1 ? "au moins une urgence absolue" : $"au moins {AtLeast} urgences absolues",
        VictimCategory.Yellow => AtLeast == 1 ? "au moins une urgence relative" : $"au moins {AtLeast} urgences relatives",
        VictimCategory.Missing => $"au moins {AtLeast} disparu(s)",
        VictimCategory.Evacuated => $"au moins {AtLeast} évacué(s)",
        _ => $"au moins {AtLeast} déplacé(s)",
    };
}
