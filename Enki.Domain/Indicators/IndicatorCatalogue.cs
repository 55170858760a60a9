using static Enki.Domain.Indicators.IndicatorRepresentation;

namespace Enki.Domain.Indicators;

/// <summary>
/// The indicators library: every indicator Enki computes, with its definition in French. The
/// published document (<c>docs/indicateurs.md</c>) is generated from here, so what an authority reads
/// is what the code counts. Codes are stable: a changed meaning is a new code.
/// </summary>
public static partial class IndicatorCatalogue
{
    private const string Common =
        " Seules les interventions réelles sont comptées : le trafic d'exercice, de test ou système (`distributionStatus` de l'enveloppe EDXL-DE) est exclu."
        + " Le territoire est toujours réduit au périmètre de la personne ou du partenaire qui demande.";

    private const string OpeningTime =
        "l'heure de création de l'affaire chez l'émetteur (`createCase.creation` du RC-EDA, ou `dateTimeSent` de l'enveloppe à défaut), "
        + "c'est-à-dire quand cela s'est produit et non quand Enki l'a appris ; une heure de création postérieure à la réception est ramenée à la réception";

    private const string LocalBuckets =
        " Heures et jours sont ceux de l'heure locale du territoire (heure de Paris en métropole, heure locale de chaque département d'outre-mer), "
        + "changements d'heure compris (un jour peut durer 23 ou 25 heures).";

    private const string Percentiles =
        " Médiane et 90e centile sont des valeurs observées : la valeur de rang ⌈p × n⌉ de la liste triée (méthode du rang le plus proche).";

    private static readonly IndicatorStep[] HourAndDay = [IndicatorStep.Hour, IndicatorStep.Day];

    private static IndicatorMeasure Count(string unit) => new("count", "Nombre", unit);

    public static IndicatorDefinition OpenedIncidents { get; } = new(
        "interventions-ouvertes",
        "Interventions ouvertes",
        "Nombre d'affaires NexSIS (une par `caseId`) créées pendant la période sur le territoire, datées par " + OpeningTime + "."
        + " Le lieu est la commune de l'affaire (`location.city.inseeCode`, vérifiée par le point `geometry`). Le tableau les répartit par famille de nature"
        + " (`whatsHappen.code`, familles C01 à C11 de la nomenclature NexSIS, nature la plus récente si l'affaire a été requalifiée)." + LocalBuckets + Common,
        "interventions", [Count("interventions")], [Number, TimeSeries, CategorySeries, CommuneMap, DepartmentMap, Table], HourAndDay, "Famille de nature");

    public static IndicatorDefinition IncidentsInProgress { get; } = new(
        "interventions-en-cours",
        "Interventions en cours",
        "Nombre d'affaires en cours à un instant : créées avant cet instant (" + OpeningTime + ") et dont le dernier statut connu à cet instant"
        + " n'est ni « Terminé » ni « Annulé » (statuts EMSI `EVENT.STATUS` et annulations `MSGTYPE` CANCEL, datés par l'heure de l'émetteur, `CONTEXT.CREATION`)."
        + " L'instant est la fin de la période pour un chiffre, une carte ou un tableau, la fin de chaque heure ou de chaque jour pour une série."
        + " Une affaire terminée puis reprise (feu qui reprend) redevient en cours." + LocalBuckets + Common,
        "interventions", [Count("interventions")], [Number, TimeSeries, CategorySeries, CommuneMap, DepartmentMap, Table], HourAndDay, "Famille de nature");

    public static IndicatorDefinition ClosedIncidents { get; } = new(
        "interventions-terminees",
        "Interventions terminées ou annulées",
        "Nombre d'affaires terminées ou annulées (statut EMSI `EVENT.STATUS` COM ou annulation `MSGTYPE` CANCEL) dont la fermeture tombe dans la période,"
        + " datée par l'heure de l'émetteur du message qui l'a dit (`CONTEXT.CREATION`), enregistrée dans le flux des événements d'Enki."
        + " Une affaire compte une fois, à sa dernière fermeture : reprise puis terminée à nouveau (feu qui reprend), elle compte à la seconde fermeture ;"
        + " reprise et encore en cours, elle ne compte pas." + LocalBuckets + Common,
        "interventions", [Count("interventions")], [Number, TimeSeries, CategorySeries, CommuneMap, DepartmentMap, Table], HourAndDay, "Famille de nature");
}
