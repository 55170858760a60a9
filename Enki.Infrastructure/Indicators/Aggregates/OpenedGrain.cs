using Enki.Domain.Indicators;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// What of the openings a view keeps apart; the rest is summed in the database, so a national year is read
/// as a few thousand groups rather than a row per hour and commune. A series (by category too) keeps the hour; a commune map,
/// and the population touched (which counts each commune once), keep the commune; a department map keeps the
/// department; the nature family (the incidents' categories) is kept only where categories are shown or asked.
/// </summary>
internal sealed record OpenedGrain(bool Hour, bool Commune, bool Department, bool Family)
{
    public static OpenedGrain Of(IndicatorRequest request)
    {
        var hour = request.Representation is IndicatorRepresentation.TimeSeries or IndicatorRepresentation.CategorySeries;
        var commune = request.Representation == IndicatorRepresentation.CommuneMap || request.Definition == IndicatorCatalogue.PopulationTouched;
        var department = commune || request.Representation == IndicatorRepresentation.DepartmentMap;
        // The families are the categories of the incidents' indicators: kept for a table, a series by category or a
        // category asked; never for the victims (theirs are the victim categories). A grouping key of constants only
        // cannot be translated: a figure that keeps nothing else keeps the families (a dozen groups).
        var categories = request.Representation is IndicatorRepresentation.Table or IndicatorRepresentation.CategorySeries || request.Category is not null;
        var family = categories && request.Definition != IndicatorCatalogue.Victims || !(hour || department);
        return new OpenedGrain(hour, commune, department, family);
    }

    /// <summary>The same without the hour (a sum over the whole history), keeping the families if nothing else is kept.</summary>
    public OpenedGrain WithoutHour() => this with { Hour = false, Family = Family || !Department };
}
