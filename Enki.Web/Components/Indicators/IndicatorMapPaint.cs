using Enki.Domain.Indicators;

namespace Enki.Web.Components.Indicators;

/// <summary>What <c>showIndicatorAreas</c> paints: each area's colour and figure, the legend's title and classes.</summary>
public sealed record IndicatorMapPaint(
    IReadOnlyDictionary<string, string> Colours,
    IReadOnlyDictionary<string, string> Texts,
    string Title,
    IReadOnlyList<IndicatorMapLegendRow> Classes)
{
    public static IndicatorMapPaint Of(IndicatorResult result)
    {
        var measure = result.Definition.Measures[0];
        var classes = ChoroplethClasses.Of(result.Rows.Select(r => r.Values[0]));
        var rows = result.Rows.Where(r => r.Area is not null).ToList();
        return new IndicatorMapPaint(
            rows.Where(r => ChoroplethClasses.ColourOf(classes, r.Values[0]) is not null)
                .ToDictionary(r => r.Area!, r => ChoroplethClasses.ColourOf(classes, r.Values[0])!),
            rows.ToDictionary(r => r.Area!, r => IndicatorText.Value(r.Values[0], measure.Unit)),
            $"{measure.Label} ({measure.Unit}) — {ChoroplethClasses.Method}",
            [.. classes.Select(c => new IndicatorMapLegendRow(c.Colour, c.Label)), new IndicatorMapLegendRow("#ffffff", "0 ou sans donnée")]);
    }
}

public sealed record IndicatorMapLegendRow(string Colour, string Label);
