using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators;

namespace Enki.Web.Api;

/// <summary>The catalogue: every indicator with its definition.</summary>
public sealed record IndicatorCatalogueResource(IReadOnlyList<IndicatorResource> Indicators)
{
    public static IndicatorCatalogueResource Of(IEnumerable<IndicatorDefinition> definitions) => new(definitions.Select(IndicatorResource.Of).ToList());
}

/// <summary>
/// An indicator: <c>definition</c> says in French what is counted, from which NexSIS fields, which time is used;
/// <c>limits</c> what it cannot say yet. <c>representations</c> and <c>steps</c> are the values the computation accepts.
/// </summary>
public sealed record IndicatorResource(
    string Code, string Name, string Definition, string Unit, string? Limits, string? CategoryLabel,
    IReadOnlyList<IndicatorMeasureResource> Measures, IReadOnlyList<string> Representations, IReadOnlyList<string> Steps)
{
    public static IndicatorResource Of(IndicatorDefinition d) => new(
        d.Code, d.Name, d.Definition, d.Unit, d.Limits, d.CategoryLabel, IndicatorMeasureResource.Of(d),
        d.Representations.Select(IndicatorApiCodes.Of).ToList(), d.Steps.Select(IndicatorApiCodes.Of).ToList());
}

/// <summary>One figure of each row: its code (the key in <c>values</c>, a CSV column), French label and unit.</summary>
public sealed record IndicatorMeasureResource(string Code, string Label, string Unit)
{
    public static IReadOnlyList<IndicatorMeasureResource> Of(IndicatorDefinition d) =>
        d.Measures.Select(m => new IndicatorMeasureResource(m.Code, m.Label, m.Unit)).ToList();
}

/// <summary>An indicator computed: the territory and period asked, the zone its hours are read in, and the rows.</summary>
public sealed record IndicatorValuesResource(
    string Code, string Name, string Unit, string Territory, string TerritoryLabel, DateTimeOffset From, DateTimeOffset To,
    string Step, string Representation, string TimeZone, string? Category,
    IReadOnlyList<IndicatorMeasureResource> Measures, IReadOnlyList<IndicatorRowResource> Rows)
{
    public static IndicatorValuesResource Of(IndicatorResult r) => new(
        r.Definition.Code, r.Definition.Name, r.Definition.Unit, r.Territory, r.TerritoryLabel, r.From, r.To,
        IndicatorApiCodes.Of(r.Step), IndicatorApiCodes.Of(r.Representation), r.TimeZone, r.Category,
        IndicatorMeasureResource.Of(r.Definition),
        r.Rows.Select(row => new IndicatorRowResource(row.At, row.Area, row.AreaName, row.Category, row.CategoryLabel,
            r.Definition.Measures.Select((m, i) => (m.Code, Value: row.Values[i])).ToDictionary(v => v.Code, v => v.Value))).ToList());
}

/// <summary>
/// A row: <c>at</c> (start of the hour or day, with the territory's offset) for a series, <c>area</c> (INSEE or
/// department code) for a map, <c>category</c> for a table (and with <c>at</c> for a series by category); <c>values</c> by measure code, null when not measurable.
/// </summary>
public sealed record IndicatorRowResource(
    DateTimeOffset? At, string? Area, string? AreaName, string? Category, string? CategoryLabel, IReadOnlyDictionary<string, double?> Values);
