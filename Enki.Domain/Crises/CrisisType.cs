namespace Enki.Domain.Crises;

/// <summary>What kind of event a crisis is; stored by name.</summary>
public enum CrisisType
{
    Inondation,
    Tempete,
    FeuDeForet,
    AccidentTechnologique,
    Attentat,
    Rassemblement,
    Epidemie,
    Autre,
}

public static class CrisisTypes
{
    public static string French(this CrisisType type) => type switch
    {
        CrisisType.Inondation => "Inondation",
        CrisisType.Tempete => "Tempête",
        CrisisType.FeuDeForet => "Feu de forêt",
        CrisisType.AccidentTechnologique => "Accident technologique",
        CrisisType.Attentat => "Attentat",
        CrisisType.Rassemblement => "Rassemblement",
        CrisisType.Epidemie => "Épidémie",
        _ => "Autre",
    };

    /// <summary>
    /// Nature families (C01..C11) whose incidents a crisis of this type usually brings, for
    /// suggestions. Weather crises bring damage to property (C08), technical incidents (C09) and
    /// road accidents (C07); an "other" crisis suggests everything.
    /// </summary>
    public static IReadOnlyList<string> NatureFamilies(this CrisisType type) => type switch
    {
        CrisisType.Inondation => ["C08", "C03", "C09"],
        CrisisType.Tempete => ["C08", "C09", "C07"],
        CrisisType.FeuDeForet => ["C04", "C08"],
        CrisisType.AccidentTechnologique => ["C05", "C04", "C09"],
        CrisisType.Attentat => ["C06", "C02", "C04"],
        CrisisType.Rassemblement => ["C02", "C06", "C01"],
        CrisisType.Epidemie => ["C01", "C02"],
        _ => ["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10", "C11"],
    };
}
