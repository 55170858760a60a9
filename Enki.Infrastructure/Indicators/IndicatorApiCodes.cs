using Enki.Domain.Indicators;

namespace Enki.Infrastructure.Indicators;

/// <summary>How representations and steps are written in the API (and in a shared view's address): stable English codes.</summary>
public static class IndicatorApiCodes
{
    private static readonly Dictionary<IndicatorRepresentation, string> Representations = new()
    {
        [IndicatorRepresentation.Number] = "number",
        [IndicatorRepresentation.TimeSeries] = "series",
        [IndicatorRepresentation.CommuneMap] = "communes",
        [IndicatorRepresentation.DepartmentMap] = "departments",
        [IndicatorRepresentation.Table] = "table",
        [IndicatorRepresentation.GridMap] = "grid",
        [IndicatorRepresentation.CategorySeries] = "category-series",
    };

    private static readonly Dictionary<IndicatorStep, string> Steps = new()
    {
        [IndicatorStep.Hour] = "hour",
        [IndicatorStep.Day] = "day",
    };

    public static string Of(IndicatorRepresentation representation) => Representations[representation];

    public static string Of(IndicatorStep step) => Steps[step];

    public static string AllRepresentations => string.Join(", ", Representations.Values);

    public static bool TryParse(string text, out IndicatorRepresentation representation) => TryFind(Representations, text, out representation);

    public static bool TryParse(string text, out IndicatorStep step) => TryFind(Steps, text, out step);

    private static bool TryFind<T>(Dictionary<T, string> codes, string text, out T value) where T : struct
    {
        var found = codes.FirstOrDefault(c => string.Equals(c.Value, text.Trim(), StringComparison.OrdinalIgnoreCase));
        value = found.Key;
        return found.Value is not null;
    }
}
