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
        "personnes", [Count("personnes")], [Number, TimeSeries, CategorySeries, CommuneMap, DepartmentMap, Table], HourAndDay, "Catégorie de victimes",
        "La série rattache les victimes à l'heure de création de leur affaire : elle dit combien de victimes comptent les affaires ouvertes à chaque heure,"
        + " pas combien étaient connues à chaque heure : c'est « Victimes connues au fil du temps » (`victimes-connues`)."
        + " Le chiffre sans catégorie additionne toutes les catégories, évacués et déplacés compris.");

    public static IndicatorDefinition VictimsOverTime { get; } = new(
        "victimes-connues",
        "Victimes connues au fil du temps",
        "À chaque instant, les victimes que comptaient alors les affaires créées pendant la période (" + OpeningTime + ") : pour chaque affaire,"
        + " le dernier décompte des partenaires connu à cet instant (mêmes champs EMSI que « Victimes par catégorie » : `EVENT.CASUALTIES` et `EVENT.EVAC`),"
        + " lu dans le flux des événements d'Enki (`incident.victims-changed`, daté par l'heure de l'émetteur du message, `CONTEXT.CREATION`)"
        + " et non seulement le dernier. Une affaire sans décompte à cet instant compte zéro ; un décompte revu à la baisse fait baisser la courbe."
        + " L'instant est la fin de chaque heure ou de chaque jour pour une série (une courbe par catégorie dans la série par catégorie, ou celle de la catégorie choisie, `category` dans l'API), la fin de la période"
        + " pour un chiffre, une carte ou un tableau : à la fin de la période, le chiffre est celui de « Victimes par catégorie »."
        + LocalBuckets + Common,
        "personnes", [Count("personnes")], [TimeSeries, CategorySeries, Number, CommuneMap, DepartmentMap, Table], HourAndDay, "Catégorie de victimes",
        "Seules les affaires créées pendant la période sont suivies : un bilan de crise se lit sur la période de la crise."
        + " Le chiffre sans catégorie additionne toutes les catégories, évacués et déplacés compris.");
}
