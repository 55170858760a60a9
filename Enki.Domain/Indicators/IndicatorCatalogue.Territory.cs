using static Enki.Domain.Indicators.IndicatorRepresentation;

namespace Enki.Domain.Indicators;

public static partial class IndicatorCatalogue
{
    private const string Population =
        " La population est celle de l'INSEE livrée avec le découpage administratif embarqué dans Enki (code officiel géographique 2026) ;"
        + " une commune de population inconnue (0) n'entre pas au dénominateur d'un taux.";

    public static IndicatorDefinition RatePerInhabitants { get; } = new(
        "taux-interventions",
        "Interventions pour 10 000 habitants",
        "Interventions ouvertes pendant la période (comme « Interventions ouvertes », datées par " + OpeningTime + ") divisées par la population"
        + " de la commune, du département ou du territoire, multipliées par 10 000. La population d'un département ou d'un territoire est la somme"
        + " de celle de ses communes comprises dans le périmètre de la personne qui demande." + Population + Common,
        "interventions pour 10 000 habitants",
        [new("rate", "Taux", "interventions pour 10 000 habitants"), new("count", "Interventions", "interventions"), new("population", "Population", "habitants")],
        [Number, CommuneMap, DepartmentMap], HourAndDay);

    public static IndicatorDefinition PopulationTouched { get; } = new(
        "population-touchee",
        "Population des communes touchées",
        "Somme des populations des communes où au moins une intervention a été ouverte pendant la période (datée par " + OpeningTime + ");"
        + " chaque commune compte une fois, quel que soit son nombre d'interventions. Pour une série, les communes touchées dans chaque heure ou chaque jour."
        + Population + LocalBuckets + Common,
        "habitants",
        [new("population", "Population", "habitants"), new("communes", "Communes touchées", "communes")],
        [Number, TimeSeries, DepartmentMap], HourAndDay);

    /// <summary>Previous weeks that make the baseline of « écart à la normale ».</summary>
    public const int BaselineWeeks = 4;

    /// <summary>Above this quantile of a Poisson law with the baseline's mean, a count is flagged.</summary>
    public const double DepartureQuantile = 0.99;

    public static IndicatorDefinition DepartureFromNormal { get; } = new(
        "ecart-a-la-normale",
        "Écart à la normale",
        "Pour chaque heure (ou chaque jour) de la période, les interventions ouvertes (datées par " + OpeningTime + ") comparées à la même heure"
        + " du même jour de la semaine des 4 semaines précédentes, en heure locale du territoire. La référence est la moyenne de ces 4 valeurs ;"
        + " le seuil est le 99e centile d'une loi de Poisson de cette moyenne (le plus petit k tel que P(X ≤ k) ≥ 0,99) ;"
        + " une heure est signalée anormale quand le nombre observé dépasse strictement le seuil. Le chiffre est celui de la dernière heure de la période."
        + LocalBuckets + Common,
        "interventions",
        [
            new("observed", "Observé", "interventions"), new("baseline", "Moyenne des 4 semaines précédentes", "interventions"),
            new("threshold", "Seuil (99e centile de Poisson)", "interventions"), new("flagged", "Anormal (1 oui, 0 non)", ""),
        ],
        [Number, TimeSeries], HourAndDay, null,
        "Sur un territoire dont Enki ne reçoit pas le trafic depuis 4 semaines, la référence est trop basse et tout paraît anormal.");

    /// <summary>Every indicator, in the order of the published document.</summary>
    // Built on first use: static initialisers of a partial class's files run in no stated order.
    public static IReadOnlyList<IndicatorDefinition> All => _all ??=
    [
        OpenedIncidents, IncidentsInProgress, ClosedIncidents, Victims, EngagedResources, EngagementDuration, CoverageTime,
        RatePerInhabitants, PopulationTouched, DepartureFromNormal, GridDensity, VictimsOverTime,
    ];

    private static IReadOnlyList<IndicatorDefinition>? _all;

    public static IndicatorDefinition? Find(string? code) => All.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));
}
