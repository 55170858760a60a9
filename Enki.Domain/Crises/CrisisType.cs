namespace Enki.Domain.Crises;

/// <summary>What kind of event a crisis is; stored by its own string (EnumStorage), not by the C# name.</summary>
public enum CrisisType
{
    Flood,
    Storm,
    ForestFire,
    TechnologicalAccident,
    Attack,
    MassGathering,
    Epidemic,
    Other,
}

public static class CrisisTypes
{
    public static string French(this CrisisType type) => type switch
    {
        CrisisType.Flood => "Inondation",
        CrisisType.Storm => "Tempête",
        CrisisType.ForestFire => "Feu de forêt",
        CrisisType.TechnologicalAccident => "Accident technologique",
        CrisisType.Attack => "Attentat",
        CrisisType.MassGathering => "Rassemblement",
        CrisisType.Epidemic => "Épidémie",
        _ => "Autre",
    };

    /// <summary>
    /// Nature families (C01..C11) whose incidents a crisis of this type usually brings, for
    /// suggestions. Weather crises bring damage to property (C08), technical incidents (C09) and
    /// road accidents (C07); an "other" crisis suggests everything.
    /// </summary>
    public static IReadOnlyList<string> NatureFamilies(this CrisisType type) => type switch
    {
        CrisisType.Flood => ["C08", "C03", "C09"],
        CrisisType.Storm => ["C08", "C09", "C07"],
        CrisisType.ForestFire => ["C04", "C08"],
        CrisisType.TechnologicalAccident => ["C05", "C04", "C09"],
        CrisisType.Attack => ["C06", "C02", "C04"],
        CrisisType.MassGathering => ["C02", "C06", "C01"],
        CrisisType.Epidemic => ["C01", "C02"],
        _ => ["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10", "C11"],
    };
}
