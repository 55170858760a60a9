using Enki.Domain.Access;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// « Délai de couverture » of the real incidents opened in one hour (UTC), in one commune and nature family, that had a
/// resource on scene: how many share each exact pair of durations (to the first arrival, and its alert handling part).
/// Durations are kept in ticks, the unit they are computed in, so each value is the incidents' own and the nearest-rank
/// percentiles read from the counts are exactly those of the incidents (<see cref="Enki.Domain.Indicators.Percentile"/>).
/// Rewritten with its hour of <see cref="OpenedHour"/> (the coverage is dated by the opening, and every change to an
/// incident marks its opening hour) and trusted for the same hours (<see cref="OpenedHourMark"/>).
/// </summary>
public sealed class CoverageHour : ILocatedInTerritory
{
    public DateTimeOffset Hour { get; set; }

    public string CommuneCode { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    public string ZoneCode { get; set; } = "";

    /// <summary><see cref="OpenedHour.NoFamily"/> for incidents without a nature family.</summary>
    public string NatureFamily { get; set; } = OpenedHour.NoFamily;

    /// <summary>From the case's creation to the first arrival on scene.</summary>
    public long TotalTicks { get; set; }

    /// <summary>From the case's creation to the first status of any resource, within the total (travel is the rest).</summary>
    public long AlertTicks { get; set; }

    /// <summary>How many incidents of the hour, commune and family had exactly these durations.</summary>
    public int Incidents { get; set; }
}
