using Enki.Domain.Access;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators;
using Microsoft.AspNetCore.Mvc;

namespace Enki.Web.Api;

/// <summary>What an answer is written as.</summary>
public enum IndicatorFormat
{
    Json,
    Csv,
    GeoJson,
}

/// <summary>Query string of an indicator: territory, period, step, representation, category, format; each refusal names its parameter, in French.</summary>
public sealed record IndicatorApiQuery(
    [FromQuery(Name = "territory")] string? Territory,
    [FromQuery(Name = "from")] DateTimeOffset? From,
    [FromQuery(Name = "to")] DateTimeOffset? To,
    [FromQuery(Name = "step")] string? Step,
    [FromQuery(Name = "representation")] string? Representation,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "format")] string? Format)
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromHours(24);

    /// <summary>The parameter refused and why, in French.</summary>
    public (string Parameter, string Message)? Error { get; private set; }

    public IResult Problem() => Error is { } error ? ApiProblems.InvalidParameter(error.Parameter, error.Message) : Results.BadRequest();

    /// <param name="accept">The request's Accept header: <c>text/csv</c> or <c>application/geo+json</c> choose the format when <c>format</c> is absent.</param>
    public (IndicatorRequest Request, IndicatorFormat Format)? ToRequest(IndicatorDefinition definition, Viewer viewer, DateTimeOffset now, string? accept)
    {
        if (!IndicatorTerritory.TryParse(string.IsNullOrWhiteSpace(Territory) ? viewer.Jurisdiction.ToString() : Territory, out var territory))
        {
            return Refuse("territory", $"Territoire illisible : « {Territory} » (attendu national, zone:CODE, departement:CODE, commune:INSEE ou crise:ID).");
        }
        var to = To ?? now;
        var from = From ?? to - DefaultPeriod;
        if (from >= to)
        {
            return Refuse("from", "Le début de la période doit précéder sa fin.");
        }
        var step = IndicatorStep.Hour;
        if (!string.IsNullOrWhiteSpace(Step) && !IndicatorApiCodes.TryParse(Step, out step))
        {
            return Refuse("step", $"Pas inconnu : « {Step} » (attendu hour ou day).");
        }
        if (!definition.Supports(step))
        {
            return Refuse("step", $"« {definition.Name} » ne se calcule pas au pas « {Step} ».");
        }
        if (to - from > IndicatorRequest.MaxPeriod(step))
        {
            return Refuse("to", $"Période trop longue : {IndicatorRequest.MaxPeriod(step).TotalDays} jours au plus au pas « {IndicatorApiCodes.Of(step)} ».");
        }
        var representation = definition.Representations[0];
        if (!string.IsNullOrWhiteSpace(Representation) && !IndicatorApiCodes.TryParse(Representation, out representation))
        {
            return Refuse("representation", $"Représentation inconnue : « {Representation} » (attendu {IndicatorApiCodes.AllRepresentations}).");
        }
        if (!definition.Supports(representation))
        {
            return Refuse("representation", $"« {definition.Name} » ne se représente pas en « {Representation} » (possible : "
                + string.Join(", ", definition.Representations.Select(IndicatorApiCodes.Of)) + ").");
        }
        if (FormatOf(accept) is not { } format)
        {
            return Refuse("format", $"Format inconnu : « {Format} » (attendu json, csv ou geojson).");
        }
        if (format == IndicatorFormat.GeoJson && !IndicatorGeoJson.IsSpatial(representation))
        {
            return Refuse("format", "Le GeoJSON est réservé aux cartes (representation communes ou departments).");
        }
        var category = string.IsNullOrWhiteSpace(Category) ? null : Category.Trim();
        return (new IndicatorRequest(definition, territory, from, to, step, representation, category), format);
    }

    private IndicatorFormat? FormatOf(string? accept)
    {
        switch (Format?.Trim().ToLowerInvariant())
        {
            case "json": return IndicatorFormat.Json;
            case "csv": return IndicatorFormat.Csv;
            case "geojson": return IndicatorFormat.GeoJson;
            case null or "":
                if (accept?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true) return IndicatorFormat.Csv;
                if (accept?.Contains("application/geo+json", StringComparison.OrdinalIgnoreCase) == true) return IndicatorFormat.GeoJson;
                return IndicatorFormat.Json;
            default: return null;
        }
    }

    private (IndicatorRequest, IndicatorFormat)? Refuse(string parameter, string message)
    {
        Error = (parameter, message);
        return null;
    }
}
