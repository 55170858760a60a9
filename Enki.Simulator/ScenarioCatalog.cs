using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Enki.Simulator;

/// <summary>The kinds of crisis the simulator can play.</summary>
public enum ScenarioKind
{
    /// <summary>Tempête: hundreds of small incidents over a few hours, with a rise and a fall.</summary>
    Storm,
    /// <summary>Inondation: many small incidents over half a day, with evacuated and displaced people.</summary>
    Flood,
    /// <summary>Feu de forêt: a few large fires with many resources and evacuations, and small fires around them.</summary>
    ForestFire,
    /// <summary>Ordinary days: the background traffic of a department (<see cref="BackgroundTraffic"/>), never named in the settings.</summary>
    Ordinary,
}

/// <summary>A scenario to play: its kind and the department it strikes, named <c>{kind}-{department}</c>.</summary>
public sealed partial record ScenarioDefinition(string Name, ScenarioKind Kind, string DepartmentCode)
{
    [GeneratedRegex(@"^(?<kind>tempete|inondation|feu-de-foret)-(?<dept>\d{2,3}|2[AB])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>The kind's profile: volumes, duration, natures.</summary>
    public ScenarioProfile Profile => ScenarioProfiles.Of(Kind);

    /// <summary>Parses <c>tempete-77</c>, <c>inondation-35</c>, <c>feu-de-foret-2A</c>...</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out ScenarioDefinition? scenario)
    {
        var match = NamePattern().Match(name?.Trim() ?? string.Empty);
        scenario = match.Success
            ? new ScenarioDefinition(
                match.Value.ToLowerInvariant(),
                match.Groups["kind"].Value.ToLowerInvariant() switch
                {
                    "tempete" => ScenarioKind.Storm,
                    "inondation" => ScenarioKind.Flood,
                    _ => ScenarioKind.ForestFire,
                },
                match.Groups["dept"].Value.ToUpperInvariant())
            : null;
        return scenario is not null;
    }
}

/// <summary>
/// One kind of incident within a scenario. <paramref name="Vehicles"/> are the engines sent (FPT, VSAV...);
/// <paramref name="InjuryChance"/> the chance of injured people; <paramref name="EvacuationChance"/> the
/// chance of evacuated or displaced people; <paramref name="WorkMinutes"/> the time on scene.
/// </summary>
public sealed record NatureProfile(
    string Code,
    double Weight,
    string LocationKindCode,
    IReadOnlyList<string> Descriptions,
    IReadOnlyList<string> Vehicles,
    double InjuryChance,
    double EvacuationChance,
    int MinWorkMinutes,
    int MaxWorkMinutes);

/// <summary>
/// Volumes and timing of a kind of scenario: <paramref name="IncidentCount"/> incidents over
/// <paramref name="Duration"/> (simulated), spread by <paramref name="Intensity"/> (relative rate over
/// the scenario's progress, 0 to 1). <paramref name="MajorCount"/> large incidents of nature <paramref name="Major"/>
/// break out at 2 %, 30 % and 55 % of the scenario (forest fires), and the small incidents gather around them.
/// </summary>
public sealed record ScenarioProfile(
    string Title,
    int IncidentCount,
    TimeSpan Duration,
    Func<double, double> Intensity,
    IReadOnlyList<NatureProfile> Natures,
    string EmsiCategory,
    string EmsiGeoType,
    NatureProfile? Major = null,
    int MajorCount = 0);

/// <summary>The built-in profiles; every nature code used here is checked against the CISU code list by the tests.</summary>
public static class ScenarioProfiles
{
    /// <summary>Tempête: 900 incidents over 3 simulated hours, peaking after about 1 h 15.</summary>
    public static readonly ScenarioProfile Storm = new(
        "Tempête",
        900,
        TimeSpan.FromHours(3),
        x => 0.08 + Math.Pow(Math.Sin(Math.PI * Math.Pow(x, 0.8)), 4),
        [
            new("C07.07.01", 30, "L02.01.00", ["Arbre tombé en travers de la chaussée", "Chute d'arbre, route coupée", "Grosse branche sur la voie"], ["VTU"], 0.01, 0, 30, 90),
            new("C08.05.00", 20, "L01.01.02", ["Chute d'arbre sur une habitation", "Arbre menaçant de tomber sur une maison", "Chute d'arbre sur un véhicule en stationnement"], ["FPT"], 0.03, 0.05, 40, 120),
            new("C08.01.00", 15, "L01.02.06", ["Cave inondée", "Sous-sol inondé après de fortes pluies", "Infiltrations d'eau par la toiture"], ["VTU"], 0, 0.02, 30, 120),
            new("C09.05.00", 10, "L01.02.07", ["Toiture arrachée par le vent", "Tuiles et cheminée menaçant de tomber", "Bâchage de toiture endommagée"], ["EPA", "FPT"], 0.02, 0.15, 60, 180),
            new("C09.01.03", 8, "L02.01.00", ["Câble électrique tombé sur la chaussée", "Ligne électrique à terre, périmètre de sécurité"], ["VTU"], 0, 0, 30, 120),
            new("C09.01.04", 4, "L02.01.00", ["Poteau électrique arraché par le vent", "Arrachement de câble téléphonique et électrique"], ["VTU"], 0, 0, 45, 150),
            new("C01.01.01", 8, "L02.01.00", ["Véhicule léger contre un arbre tombé", "Collision avec une branche sur la chaussée", "Voiture percutée par une chute d'arbre"], ["VSAV", "FPT"], 0.6, 0, 40, 90),
            new("C08.09.00", 5, "L02.01.00", ["Chutes d'objets sur la voie publique", "Panneaux et échafaudage renversés par le vent"], ["VTU"], 0.05, 0, 30, 90),
        ],
        "ASR",
        "GEN");

    /// <summary>Inondation: 260 incidents over 6 simulated hours: a rise of 2 hours, a plateau, a slower fall.</summary>
    public static readonly ScenarioProfile Flood = new(
        "Inondation",
        260,
        TimeSpan.FromHours(6),
        x => Math.Max(0.1, Math.Min(1, Math.Min(x / 0.3, (1 - x) / 0.35))),
        [
            new("C08.01.00", 45, "L01.01.01", ["Habitation inondée, 30 cm d'eau au rez-de-chaussée", "Maison envahie par les eaux", "Montée des eaux, famille à évacuer"], ["VTU", "FPT"], 0.02, 0.7, 60, 240),
            new("C09.02.00", 10, "L01.02.06", ["Refoulement d'égout dans les logements", "Parking souterrain inondé"], ["VTU"], 0, 0.1, 45, 150),
            new("C11.05.02", 10, "L02.01.00", ["Véhicule bloqué sur une route inondée", "Automobiliste bloqué par les eaux"], ["FPT"], 0.05, 0.2, 30, 90),
            new("C08.07.00", 5, "L02.01.00", ["Affaissement de chaussée après les pluies", "Chaussée effondrée, route coupée"], ["VTU"], 0, 0, 60, 180),
            new("C09.01.02", 8, "L01.02.11", ["Panne électrique, transformateur noyé", "Coupure de courant dans l'immeuble inondé"], ["VTU"], 0, 0.3, 45, 120),
            new("C02.10.00", 2, "L05.03.01", ["Personne emportée par le courant", "Personne tombée dans la rivière en crue"], ["VSAV", "FPT", "VSAV"], 0.8, 0, 60, 150),
        ],
        "FLD/FLS",
        "GEN");

    /// <summary>Feu de forêt: 3 large fires over 8 simulated hours, and 45 small incidents around them.</summary>
    public static readonly ScenarioProfile ForestFire = new(
        "Feu de forêt",
        45,
        TimeSpan.FromHours(8),
        _ => 1,
        [
            new("C04.05.00", 40, "L05.01.03", ["Feu de broussailles", "Départ de feu en lisière de bois", "Reprise de feu signalée"], ["CCF", "CCF"], 0, 0, 30, 120),
            new("C04.03.00", 15, "L05.01.01", ["Feu de champ", "Feu de chaume, risque de propagation"], ["CCF", "FPT"], 0, 0, 40, 150),
            new("C02.07.03", 10, "L01.01.02", ["Personne incommodée par les fumées", "Riverain gêné par les fumées, difficultés respiratoires"], ["VSAV"], 0.9, 0, 30, 90),
        ],
        "FIR/CLA",
        "FLAME",
        new("C04.05.00", 1, "L05.01.04", ["Feu de forêt, front de flammes actif", "Feu de massif forestier, habitations menacées"],
            ["CCF", "CCF", "CCF", "CCF", "CCF", "CCF", "CCGC", "CCGC", "FPT", "FPT", "VLHR", "VLHR", "VSAV", "PCM"], 0.4, 1, 300, 480),
        MajorCount: 3);

    /// <summary>
    /// Ordinary days: mostly help to people, some road accidents and small fires; nobody hurt in the messages
    /// (the victims rules stay quiet on weeks of history). Volumes are set by <see cref="BackgroundTraffic"/>.
    /// </summary>
    public static readonly ScenarioProfile Ordinary = new(
        "Activité courante",
        0,
        TimeSpan.FromHours(1),
        _ => 1,
        [
            new("C02.07.03", 50, "L01.01.02", ["Personne incommodée à domicile", "Malaise dans un logement, personne consciente"], ["VSAV"], 0, 0, 30, 90),
            new("C01.01.01", 15, "L02.01.00", ["Accident de la circulation, véhicule léger seul", "Accrochage entre deux véhicules"], ["VSAV", "FPT"], 0, 0, 30, 80),
            new("C04.05.00", 8, "L05.01.03", ["Feu de broussailles", "Feu de végétation en bord de route"], ["CCF"], 0, 0, 30, 90),
            new("C08.01.00", 6, "L01.02.06", ["Cave inondée", "Fuite d'eau importante dans un immeuble"], ["VTU"], 0, 0, 30, 90),
            new("C07.07.01", 6, "L02.01.00", ["Arbre tombé en travers de la chaussée", "Grosse branche sur la voie"], ["VTU"], 0, 0, 30, 60),
        ],
        "GEN",
        "GEN");

    public static ScenarioProfile Of(ScenarioKind kind) => kind switch
    {
        ScenarioKind.Storm => Storm,
        ScenarioKind.Flood => Flood,
        ScenarioKind.Ordinary => Ordinary,
        _ => ForestFire,
    };

    /// <summary>Every nature profile of every kind (for the tests).</summary>
    public static IEnumerable<NatureProfile> AllNatures =>
        new[] { Storm, Flood, ForestFire, Ordinary }.SelectMany(p => p.Major is null ? p.Natures : p.Natures.Append(p.Major));
}
