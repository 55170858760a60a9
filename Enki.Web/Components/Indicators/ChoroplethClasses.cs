using System.Globalization;

namespace Enki.Web.Components.Indicators;

/// <summary>One class of a choropleth: values in (<see cref="Above"/>, <see cref="UpTo"/>], its colour and French label.</summary>
public sealed record ChoroplethClass(double Above, double UpTo, string Colour, string Label);

/// <summary>
/// Cuts an indicator's values into at most five classes of (about) equal counts — quantiles, each break being
/// an observed value (nearest rank) — coloured from light to dark (ColorBrewer YlOrRd). Zero and missing
/// areas get no class: they stay unpainted, named « 0 ou sans donnée » in the legend.
/// </summary>
public static class ChoroplethClasses
{
    public const string Method = "classes par quantiles";

    private static readonly string[] Palette = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"];

    public static IReadOnlyList<ChoroplethClass> Of(IEnumerable<double?> values, int maxClasses = 5)
    {
        var sorted = values.OfType<double>().Where(v => v > 0).Order().ToList();
        if (sorted.Count == 0) return [];
        var count = Math.Min(Math.Min(maxClasses, Palette.Length), sorted.Distinct().Count());
        var breaks = new List<double>();
        for (var i = 1; i <= count; i++)
        {
            // Nearest rank: the value of rank ⌈i/k × n⌉.
            var value = sorted[(int)Math.Ceiling((double)i / count * sorted.Count) - 1];
            if (breaks.Count == 0 || value > breaks[^1]) breaks.Add(value);
        }
        var colours = Spread(breaks.Count);
        var classes = new List<ChoroplethClass>();
        var above = 0d;
        for (var i = 0; i < breaks.Count; i++)
        {
            var lowest = sorted.First(v => v > above);
            classes.Add(new ChoroplethClass(above, breaks[i], colours[i], Range(lowest, breaks[i])));
            above = breaks[i];
        }
        return classes;
    }

    /// <summary>The colour of a value, or null when it has no class (zero, missing).</summary>
    public static string? ColourOf(IReadOnlyList<ChoroplethClass> classes, double? value) =>
        value is > 0 ? classes.FirstOrDefault(c => value > c.Above && value <= c.UpTo)?.Colour ?? classes.LastOrDefault()?.Colour : null;

    /// <summary>Fewer classes keep the ends of the palette: light to dark whatever their number.</summary>
    private static string[] Spread(int count) => count switch
    {
        1 => [Palette[2]],
        2 => [Palette[1], Palette[4]],
        3 => [Palette[0], Palette[2], Palette[4]],
        4 => [Palette[0], Palette[1], Palette[3], Palette[4]],
        _ => Palette,
    };

    private static string Range(double from, double to) =>
        from == to ? Format(to) : $"{Format(from)} à {Format(to)}";

    public static string Format(double value) => value.ToString(Math.Abs(value % 1) < 1e-9 ? "N0" : "N1", CultureInfo.GetCultureInfo("fr-FR"));
}
