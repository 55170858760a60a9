using System.Text;
using Enki.Domain.Indicators;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// The published definitions, <c>docs/indicateurs.md</c>, written from the catalogue so that what an
/// authority reads is what Enki counts. A test compares the file with this and says how to regenerate it.
/// </summary>
public static class IndicatorDocument
{
    public const string RelativePath = "docs/indicateurs.md";

    private static readonly Dictionary<IndicatorRepresentation, string> Representations = new()
    {
        [IndicatorRepresentation.Number] = "chiffre",
        [IndicatorRepresentation.TimeSeries] = "série temporelle",
        [IndicatorRepresentation.CommuneMap] = "carte par commune",
        [IndicatorRepresentation.DepartmentMap] = "carte par département",
        [IndicatorRepresentation.Table] = "tableau",
        [IndicatorRepresentation.GridMap] = "carte par carreaux de 1 km",
        [IndicatorRepresentation.CategorySeries] = "série par catégorie",
    };

    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("""
            # Indicateurs d'Enki

            <!-- Fichier généré depuis le catalogue (Enki.Domain/Indicators/IndicatorCatalogue*.cs) : ne pas le modifier à la main.
                 Pour le régénérer : ENKI_WRITE_DOCS=1 dotnet test Enki.Tests.Fast --filter "FullyQualifiedName~IndicatorDocumentTests" -->

            Ce que compte chaque indicateur d'Enki, à partir de quels champs des messages NexSIS, et selon quelle heure.
            Tous se calculent sur un territoire (commune, département, zone de défense, national, ou le territoire d'une crise)
            et une période, toujours réduits au périmètre de la personne ou du partenaire qui demande : un maire ne voit
            jamais les chiffres d'une autre commune.

            Par l'API : `GET /api/v1/indicators` (le catalogue) et
            `GET /api/v1/indicators/{code}?territory=…&from=…&to=…&step=…&representation=…&category=…&format=…`
            (JSON, CSV avec `format=csv` ou `Accept: text/csv`, GeoJSON des cartes avec `format=geojson`).
            Les noms des paramètres suivent la règle de l'API (en anglais) ; les codes des indicateurs sont ceux de ce document.

            | Code | Indicateur | Unité | Représentations (`representation`) | Pas (`step`) |
            |---|---|---|---|---|

            """);
        foreach (var indicator in IndicatorCatalogue.All)
        {
            text.Append($"| `{indicator.Code}` | [{indicator.Name}](#{indicator.Code}) | {indicator.Unit} | ")
                .Append(string.Join(", ", indicator.Representations.Select(r => $"{Representations[r]} (`{IndicatorApiCodes.Of(r)}`)")))
                .Append(" | ").Append(string.Join(", ", indicator.Steps.Select(s => $"`{IndicatorApiCodes.Of(s)}`"))).Append(" |\n");
        }
        foreach (var indicator in IndicatorCatalogue.All)
        {
            text.Append($"\n## {indicator.Name}\n\nCode : `{indicator.Code}` · unité : {indicator.Unit}\n\n{indicator.Definition}\n");
            if (indicator.Limits is { } limits)
            {
                text.Append($"\n**Limites.** {limits}\n");
            }
            text.Append("\n| Mesure (`values`) | Libellé | Unité |\n|---|---|---|\n");
            foreach (var measure in indicator.Measures)
            {
                text.Append($"| `{measure.Code}` | {measure.Label} | {measure.Unit} |\n");
            }
            if (indicator.CategoryLabel is { } categories)
            {
                text.Append($"\nTableau et `category` : {char.ToLowerInvariant(categories[0])}{categories[1..]}")
                    .Append(indicator == IndicatorCatalogue.Victims
                        ? " (" + string.Join(", ", IndicatorCatalogue.VictimCategories.Select(c => $"`{c.Code}` {c.Label.ToLowerInvariant()}")) + ").\n"
                        : ".\n");
            }
        }
        return text.ToString();
    }
}
