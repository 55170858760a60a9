using Enki.Domain.Indicators;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Indicators;
using Enki.Web.Hosting;

namespace Enki.Web.Api;

/// <summary>
/// The indicators library over HTTP: the catalogue with its definitions, and any indicator computed over a
/// territory and period inside the caller's jurisdiction, as JSON, CSV or (maps) GeoJSON.
/// </summary>
public static class IndicatorApiEndpoints
{
    // Described here: the OpenAPI generator cannot read attributes on [AsParameters] record parameters.
    private const string ParametersDescription =
        "Parameters: `territory` (`national`, `zone:CODE`, `departement:CODE`, `commune:INSEE` or `crise:ID`; the caller's jurisdiction by default, "
        + "a territory outside it is not found), `from` and `to` (ISO 8601, the last 24 hours by default; `to` is also the instant of "
        + "`interventions-en-cours`), `step` (`hour` by default, or `day`: hours and days of the territory's local time), `representation` "
        + "(`number`, `series`, `category-series` (a row per hour or day and category), `communes`, `departments`, `table`, `grid` (1 km squares of Lambert-93), among those the indicator lists; its first by default), `category` "
        + "(narrows to one category of the table: a nature family C01 to C11, a victim category, a kind of resource), `format` (`json` by "
        + "default, `csv`, or `geojson` for `communes`, `departments` and `grid`, polygons in WGS 84; an `Accept` of `text/csv` or `application/geo+json` does the same).";

    public static IEndpointRouteBuilder MapIndicatorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(EnkiPolicies.Api)
            .WithMetadata(ApiSecurity.PartnerKeyOrSession).WithTags("Indicateurs")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/indicators", () => Results.Ok(IndicatorCatalogueResource.Of(IndicatorCatalogue.All)))
            .WithName("ListIndicators")
            .WithSummary("The indicators library: each indicator's code, French name and definition, unit, measures, representations and steps.")
            .Produces<IndicatorCatalogueResource>();

        api.MapGet("/indicators/{code}", async (
                HttpContext context, IndicatorQueries queries, IndicatorGeoJson geoJson, TimeProvider clock,
                string code, [AsParameters] IndicatorApiQuery query, CancellationToken ct) =>
            {
                if (IndicatorCatalogue.Find(code) is not { } definition)
                {
                    return ApiProblems.NotFound($"Indicateur inconnu : « {code} ».");
                }
                var viewer = context.User.ToViewer();
                if (query.ToRequest(definition, viewer, clock.GetUtcNow(), context.Request.Headers.Accept) is not var (request, format))
                {
                    return query.Problem();
                }
                if (await queries.ComputeAsync(viewer, request, ct) is not { } result)
                {
                    return ApiProblems.NotFound("Territoire introuvable.");
                }
                return format switch
                {
                    IndicatorFormat.Csv => Results.File(IndicatorCsv.Write(result), "text/csv; charset=utf-8", FileName(result, "csv")),
                    IndicatorFormat.GeoJson => Results.Bytes(geoJson.Write(result), "application/geo+json"),
                    _ => Results.Ok(IndicatorValuesResource.Of(result)),
                };
            })
            .WithName("GetIndicator")
            .WithSummary("One indicator over a territory and a period, narrowed to the caller's jurisdiction.")
            .WithDescription(ParametersDescription)
            .Produces<IndicatorValuesResource>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    /// <summary><c>interventions-ouvertes_departement-77_2026-11-28.csv</c>.</summary>
    private static string FileName(IndicatorResult result, string extension) =>
        $"{result.Definition.Code}_{result.Territory.Replace(':', '-')}_{result.From:yyyy-MM-dd}.{extension}";
}
