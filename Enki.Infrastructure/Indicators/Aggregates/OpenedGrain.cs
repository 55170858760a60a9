using Enki.Domain.Indicators;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// What of the openings a view keeps apart; the rest is summed in the database, so a national year is read
/// as a few thousand groups rather than a row per hour and commune. A series (by category too) keeps the hour; a commune map,
/// and the population touched (which counts each commune once), keep the commune; a department map keeps the
/// department; the opening indicators keep the nature family (their categories), the victims do not (theirs
/// are the victim categories).
/// </summary>
internal sealed record OpenedGrain(bool Hour, bool Commune, bool Department, bool Family)
{
    public static OpenedGrain Of(IndicatorRequest request)
    {
        var hour = request.Representation is IndicatorRepresentation.TimeSeries or IndicatorRepresentation.CategorySeries;
        var commune = request.Representation == IndicatorRepresentation.CommuneMap || request.Definition == IndicatorCatalogue.PopulationTouched;
        var department = commune || request.Representation == IndicatorRepresentation.DepartmentMap;
        // A grouping key of constants only cannot be translated: the victims' figure keeps the families (a dozen groups).
        var family = request.Definition != IndicatorCatalogue.Victims || !(hour || department);
        return new OpenedGrain(hour, commune, department, family);
    }
}
