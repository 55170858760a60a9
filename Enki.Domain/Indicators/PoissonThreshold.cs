namespace Enki.Domain.Indicators;

/// <summary>Quantiles of a Poisson law: the rule that flags an hour as out of the ordinary.</summary>
public static class PoissonThreshold
{
    /// <summary>
    /// The smallest k such that P(X ≤ k) ≥ <paramref name="quantile"/> for X following a Poisson law of mean
    /// <paramref name="mean"/>. A mean of 0 gives 0: anything at all is then above it.
    /// </summary>
    public static int Quantile(double mean, double quantile)
    {
        if (mean < 0 || double.IsNaN(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, "Une moyenne de Poisson est positive.");
        if (quantile is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "Un quantile est compris entre 0 et 1 exclus.");
        if (mean == 0) return 0;
        // Terms in logarithms: e^-mean underflows beyond a mean of about 745.
        var logTerm = -mean;
        var cumulative = Math.Exp(logTerm);
        var k = 0;
        while (cumulative < quantile && k < 10_000_000)
        {
            k++;
            logTerm += Math.Log(mean) - Math.Log(k);
            cumulative += Math.Exp(logTerm);
        }
        return k;
    }
}
