using Enki.Domain.Indicators;

namespace Enki.Infrastructure.Indicators;

/// <summary>What is asked of an indicator: where, over which period, cut how, shown how.</summary>
/// <param name="From">Start of the period (included).</param>
/// <param name="To">End of the period (excluded); the instant of « en cours ».</param>
/// <param name="Category">Narrows the figures to one category of the table (a nature family, a victim category, a kind of resource).</param>
public sealed record IndicatorRequest(
    IndicatorDefinition Definition,
    IndicatorTerritory Territory,
    DateTimeOffset From,
    DateTimeOffset To,
    IndicatorStep Step,
    IndicatorRepresentation Representation,
    string? Category = null)
{
    /// <summary>Longest period per step: a series stays readable and a request bounded.</summary>
    public static TimeSpan MaxPeriod(IndicatorStep step) => step == IndicatorStep.Hour ? TimeSpan.FromDays(31) : TimeSpan.FromDays(366);
}
