using static Enki.Domain.Indicators.IndicatorRepresentation;

namespace Enki.Domain.Indicators;

public static partial class IndicatorCatalogue
{
    private const string ResourceStatuses =
        "statuts RC-RI (`resource.state.status`, datés par `state.datetime`) ou EMSI (`EVENT.RESOURCE`, datés par l'heure du message)";

    public static IndicatorDefinition EngagedResources { get; } = new(
        "moyens-engages",
        "Moyens engagés",
        "Nombre de moyens (véhicules ou équipes, un par `resourceId` et par affaire) engagés pendant la période, datés par leur premier statut connu"
        + " (" + ResourceStatuses + ", le plus souvent « Décision d'engagement » ou « Déclenché »). Le tableau les répartit par type"
        + " (`vehicleType` RC-RI ou première classe `RESOURCE.RTYPE.CLASS` EMSI, tel que l'émetteur le nomme ; « Non précisé » sinon)."
        + " Un moyen engagé sur deux affaires compte deux fois." + LocalBuckets + Common,
        "moyens", [Count("moyens")], [Number, TimeSeries, CategorySeries, CommuneMap, DepartmentMap, Table], HourAndDay, "Type de moyen");

    public static IndicatorDefinition EngagementDuration { get; } = new(
        "duree-engagement",
        "Durée d'engagement des moyens",
        "Durée, en minutes, entre le premier statut connu d'un moyen sur une affaire et le statut qui le libère (RC-RI « Retour vers la base » RET-BASE,"
        + " « Rentré à la base » REN-BASE, « Annulé » ANNULE ; EMSI disponible AVAILB), pour les moyens libérés pendant la période,"
        + " datés par l'heure de l'émetteur de ces statuts (" + ResourceStatuses + "). Un moyen encore engagé n'est pas compté."
        + Percentiles + " Le tableau donne les mêmes chiffres par type de moyen." + LocalBuckets + Common,
        "minutes",
        [new("median", "Médiane", "minutes"), new("p90", "90e centile", "minutes"), new("count", "Moyens mesurés", "moyens")],
        [Number, TimeSeries, DepartmentMap, Table], HourAndDay, "Type de moyen");

    public static IndicatorDefinition CoverageTime { get; } = new(
        "delai-couverture",
        "Délai de couverture",
        "Minutes entre la création de l'affaire chez l'émetteur (`createCase.creation`) et l'arrivée du premier moyen sur les lieux (premier statut RC-RI"
        + " « Arrivé sur les lieux » ARRIVEE, daté par `state.datetime`), pour les affaires créées pendant la période dont un moyen est arrivé."
        + " Il se décompose en traitement de l'alerte (de la création au premier statut connu d'un moyen, « Décision d'engagement » ou « Déclenché »)"
        + " et trajet (de ce premier statut à la première arrivée) ; les deux parties s'additionnent affaire par affaire, pas leurs médianes."
        + " Repère national : 13 à 15 minutes en moyenne." + Percentiles + LocalBuckets + Common,
        "minutes",
        [
            new("median", "Médiane", "minutes"), new("p90", "90e centile", "minutes"),
            new("alertMedian", "Traitement de l'alerte, médiane", "minutes"), new("alertP90", "Traitement de l'alerte, 90e centile", "minutes"),
            new("travelMedian", "Trajet, médiane", "minutes"), new("travelP90", "Trajet, 90e centile", "minutes"),
            new("count", "Interventions mesurées", "interventions"),
        ],
        [Number, TimeSeries, CommuneMap, DepartmentMap], HourAndDay, null,
        "Seuls les statuts RC-RI portent une heure propre : les moyens décrits seulement par l'EMSI (datés par l'heure du message) ne comptent pas."
        + " L'heure de décroché de l'appel (`initialAlert.reception`) n'est pas conservée par Enki : le délai part de la création de l'affaire.");
}
