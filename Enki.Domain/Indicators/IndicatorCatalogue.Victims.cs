using static Enki.Domain.Indicators.IndicatorRepresentation;

namespace Enki.Domain.Indicators;

public static partial class IndicatorCatalogue
{
    /// <summary>Victim categories in the order of the field (the most serious first): code, French label.</summary>
    public static IReadOnlyList<(string Code, string Label)> VictimCategories { get; } =
    [
        ("deceased", "Décédés"),
        ("absolute-emergency", "Urgences absolues"),
        ("relative-emergency", "Urgences relatives"),
        ("involved", "Impliqués"),
        ("missing", "Disparus"),
        ("evacuated", "Évacués"),
        ("displaced", "Déplacés"),
    ];

    public static IndicatorDefinition Victims { get; } = new(
        "victimes",
        "Victimes par catégorie",
        "Personnes comptées par les partenaires sur les lieux (EMSI `EVENT.CASUALTIES` : `TRIAGEBLACK` décédés, `TRIAGERED` urgences absolues,"
        + " `TRIAGEYELLOW` urgences relatives, `TRIAGEGREEN` impliqués, `MISSING` disparus ; `EVENT.EVAC` : `EVACUATED` évacués, `DISPLACED` déplacés),"
        + " dernier décompte connu de chaque affaire (le plus récent selon l'heure de l'émetteur), pour les affaires créées pendant la période,"
        + " rattachées à l'heure de création de l'affaire (" + OpeningTime + "). La première estimation en mots de l'appel (RC-EDA `victims.count`) n'est pas un nombre et n'est pas comptée."
        + LocalBuckets + Common,
        "personnes", [Count("personnes")], [Number, TimeSeries, CommuneMap, DepartmentMap, Table], HourAndDay, "Catégorie de victimes",
        "La série rattache les victimes à l'heure de création de leur affaire : elle dit combien de victimes comptent les affaires ouvertes à chaque heure,"
        + " pas combien étaient connues à chaque heure (les décomptes successifs sont dans le flux des événements, `incident.victims-changed`, mais pas encore"
        + " lus ici). Le chiffre sans catégorie additionne toutes les catégories, évacués et déplacés compris.");
}
