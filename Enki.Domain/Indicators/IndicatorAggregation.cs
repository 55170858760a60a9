namespace Enki.Domain.Indicators;

/// <summary>How the facts of one row become its figures.</summary>
public enum IndicatorAggregation
{
    /// <summary>Sum of the first value: <c>[count]</c>.</summary>
    Sum,
    /// <summary>
    /// Median and 90th percentile of each value, then how many: <c>[median, p90, (median, p90)…, count]</c>. A NaN value is not one of its
    /// part's values, and the count is of the facts whose first value is known.
    /// </summary>
    Distribution,
    /// <summary>Facts per 10,000 inhabitants of the row's communes: <c>[rate, count, population]</c>.</summary>
    RatePer10000,
    /// <summary>Population of the distinct communes among the facts, plus the sums of <see cref="IndicatorFact.Touched"/> facts: <c>[population, communes]</c>.</summary>
    PopulationTouched,
}
