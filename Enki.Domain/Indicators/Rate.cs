namespace Enki.Domain.Indicators;

/// <summary>Rates per inhabitants.</summary>
public static class Rate
{
    /// <summary>Count per 10,000 inhabitants; null without a known population (a commune of population 0).</summary>
    public static double? Per10000(long count, long population) => population <= 0 ? null : count * 10_000d / population;
}
