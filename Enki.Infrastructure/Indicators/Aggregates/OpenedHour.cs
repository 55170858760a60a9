using Enki.Domain.Access;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The real incidents opened in one hour (UTC) in one commune and nature family, with their latest victims, and the
/// progress changes dated in that hour (<see cref="OpenedCounts"/>): a pre-aggregate that lets a year of national traffic be counted from ≈ 10⁵ rows rather than 5·10⁶.
/// Always recomputed whole from the incidents (never adjusted by deltas), and trusted only for the hours
/// no committed change has marked since (<see cref="OpenedHourMark"/>). Hours, not days: every territory's
/// offset is a whole number of hours, so local hours and days are exact unions of them.
/// </summary>
public sealed class OpenedHour : OpenedCounts, ILocatedInTerritory
{
    public const string NoFamily = "";

    public DateTimeOffset Hour { get; set; }

    public string CommuneCode { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    public string ZoneCode { get; set; } = "";

    /// <summary><see cref="NoFamily"/> for incidents without a nature family (a key cannot be null).</summary>
    public string NatureFamily { get; set; } = NoFamily;

    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerHour, TimeSpan.Zero);
    }
}
