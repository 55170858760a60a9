namespace Enki.Domain.Indicators;

/// <summary>One hour (or day) against the same hour of the previous weeks.</summary>
/// <param name="Baseline">Mean of the previous weeks' counts.</param>
/// <param name="Threshold">The Poisson quantile of that mean: above it, the count is flagged.</param>
public sealed record Departure(int Observed, double Baseline, int Threshold, bool Flagged)
{
    /// <summary>Compares a count with the counts of the same hour in the previous weeks.</summary>
    public static Departure Assess(int observed, IReadOnlyList<int> previousWeeks, double quantile = IndicatorCatalogue.DepartureQuantile)
    {
        if (previousWeeks.Count == 0) throw new ArgumentException("Il faut au moins une semaine de référence.", nameof(previousWeeks));
        var mean = previousWeeks.Average();
        var threshold = PoissonThreshold.Quantile(mean, quantile);
        return new Departure(observed, mean, threshold, observed > threshold);
    }
}
