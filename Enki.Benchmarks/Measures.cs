namespace Enki.Benchmarks;

/// <summary>What every benchmark prints beside its times: percentiles of a sorted sample and the machine's load.</summary>
internal static class Measures
{
    /// <summary>The nearest-rank percentile <paramref name="p"/> (0–1) of an ascending sample; NaN for none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Max(0, Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1))];

    /// <summary>The load averages over 1, 5 and 15 minutes: the machine is shared, figures are read with them.</summary>
    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
