using static Enki.Domain.Indicators.IndicatorRepresentation;

namespace Enki.Domain.Indicators;

public static partial class IndicatorCatalogue
{
    /// <summary>Most squares a grid map returns: beyond, the densest are kept (a national month would draw tens of thousands).</summary>
    public const int MaxGridSquares = 5000;

    public static IndicatorDefinition GridDensity { get; } = new(
        "densite-carreaux-1km",
        "Densité d'interventions au carreau de 1 km",
        "Interventions ouvertes pendant la période (comme « Interventions ouvertes », datées par " + OpeningTime + ") comptées par carreau"
        + " de 1 km de côté de la grille Lambert-93 : le point de l'affaire (`location.geometry`, en WGS 84, assimilé au RGF93) est projeté"
        + " en Lambert-93 (EPSG:2154, conique conforme sécante de l'IGN sur l'ellipsoïde GRS 80) et ses coordonnées sont arrondies au kilomètre"
        + " inférieur. Chaque carreau est nommé par son coin sud-ouest à la manière INSPIRE, `CRS2154RES1000mN{nord}E{est}` en mètres"
        + " (par exemple `CRS2154RES1000mN6864000E663000`) : c'est la grille kilométrique Lambert-93 de la statistique publique, et non la grille"
        + " ETRS89-LAEA (EPSG:3035) des carroyages Filosofi de l'INSEE depuis 2015. Une affaire sans point n'est pas comptée."
        + " Le chiffre est le nombre d'interventions placées sur la grille ; la carte ne montre que les carreaux qui en ont au moins une." + Common,
        "interventions", [Count("interventions")], [GridMap, Number], HourAndDay, null,
        "Au plus 5 000 carreaux, les plus chargés : au-delà (un mois national), la carte et l'export omettent les carreaux les moins denses.");
}
