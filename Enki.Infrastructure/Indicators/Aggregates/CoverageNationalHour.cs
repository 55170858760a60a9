namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The national level of <see cref="CoverageHour"/>: one hour's covered incidents of all of France in one row, their exact durations
/// packed by department and family (<see cref="CoverageDurations"/>), for the national views that keep no commune apart (a number, a
/// series, a department map). A national year at 5 M incidents is 1.1 M rows by commune, nearly one per covered incident since the
/// pairs of durations seldom repeat: reading them and sorting their pairs took 1.4–2.1 s. Here it is at most 8,760 rows, read in one pass and
/// summed by part and exact duration, so the percentiles stay those of the incidents. Written with its hour's rows by commune (the
/// refresh, in the same transaction; the first build, <see cref="OpenedHourMark.CoverageNationalEverything"/>, before its mark goes),
/// and trusted for the same hours. No row for an hour without a covered incident.
/// </summary>
public sealed class CoverageNationalHour
{
    public DateTimeOffset Hour { get; set; }

    /// <summary>The hour's durations by department, family and exact pair (<see cref="CoverageDurations.Pack"/>).</summary>
    public byte[] Durations { get; set; } = [];

    /// <summary>The national row of one hour's rows by commune; null for none.</summary>
    public static CoverageNationalHour? Of(DateTimeOffset hour, IReadOnlyCollection<CoverageHour> byCommune) =>
        byCommune.Count == 0 ? null : new CoverageNationalHour { Hour = hour, Durations = CoverageDurations.Pack(byCommune) };
}
