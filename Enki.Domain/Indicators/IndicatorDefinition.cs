namespace Enki.Domain.Indicators;

/// <summary>How an indicator may be shown.</summary>
public enum IndicatorRepresentation
{
    /// <summary>One figure for the territory and period.</summary>
    Number,
    /// <summary>One figure per hour or per day of the period.</summary>
    TimeSeries,
    /// <summary>One figure per commune (choropleth).</summary>
    CommuneMap,
    /// <summary>One figure per department (choropleth).</summary>
    DepartmentMap,
    /// <summary>One figure per category (nature family, victim category, kind of resource).</summary>
    Table,
    /// <summary>One figure per 1 km square of the Lambert-93 grid (<see cref="Geography.GridSquare"/>).</summary>
    GridMap,
    /// <summary>One figure per hour or day and per category: a line per nature family, victim category or kind of resource.</summary>
    CategorySeries,
}

/// <summary>The width of a time series' buckets, in the territory's local time.</summary>
public enum IndicatorStep
{
    Hour,
    Day,
}

/// <summary>One figure an indicator gives for each row (a count, a median, a threshold...).</summary>
/// <param name="Code">Stable English name (a JSON field, a CSV column).</param>
/// <param name="Label">French label.</param>
/// <param name="Unit">French unit (« interventions », « minutes », « habitants »...).</param>
public sealed record IndicatorMeasure(string Code, string Label, string Unit);

/// <summary>
/// A named indicator of the library: what it counts, defined in words an authority can check, and how
/// it may be shown. The computation lives with the read services; this is its contract.
/// </summary>
/// <param name="Code">Stable code, in French like the field's words (<c>interventions-ouvertes</c>); never renamed.</param>
/// <param name="Name">French name.</param>
/// <param name="Definition">One French paragraph: what is counted, from which NexSIS fields, which time is used, exercises excluded.</param>
/// <param name="Unit">French unit of the main measure.</param>
/// <param name="Measures">The figures of each row, the main one first.</param>
/// <param name="CategoryLabel">What the table's categories are (« Famille de nature »), null when no table.</param>
/// <param name="Limits">What the indicator cannot say yet (data Enki does not hold), in French; null when none.</param>
public sealed record IndicatorDefinition(
    string Code,
    string Name,
    string Definition,
    string Unit,
    IReadOnlyList<IndicatorMeasure> Measures,
    IReadOnlyList<IndicatorRepresentation> Representations,
    IReadOnlyList<IndicatorStep> Steps,
    string? CategoryLabel = null,
    string? Limits = null)
{
    public bool Supports(IndicatorRepresentation representation) => Representations.Contains(representation);

    public bool Supports(IndicatorStep step) => Steps.Contains(step);
}
