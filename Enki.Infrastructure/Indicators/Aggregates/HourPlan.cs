using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// How a period splits between a pre-aggregate by hour and the incidents: the whole hours from <paramref name="FirstWhole"/>
/// to <paramref name="EndOfWhole"/> but the <paramref name="Stale"/> (marked) ones come from the pre-aggregate; the partial
/// hours at both ends and the marked hours (<paramref name="FromIncidents"/>, each an index-driven range) from the incidents.
/// </summary>
internal sealed record HourPlan(
    DateTimeOffset FirstWhole, DateTimeOffset EndOfWhole, List<DateTimeOffset> Stale, List<(DateTimeOffset From, DateTimeOffset To)> FromIncidents)
{
    /// <summary>
    /// Null when the incidents must answer for the whole period: no pre-aggregate for the territory, no whole hour,
    /// its first build not over (the « every hour » mark, or <paramref name="ownFirstBuild"/>, the mark of a pre-aggregate built apart),
    /// or more than <see cref="OpenedHourReader.MostStaleHours"/> marked hours.
    /// </summary>
    public static async Task<HourPlan?> OfAsync(
        IndicatorFactQuery query, DateTimeOffset from, DateTimeOffset to, bool aggregated, CancellationToken cancellationToken, OpenedHourMark? ownFirstBuild = null)
    {
        var firstWhole = OpenedHour.HourOf(from) == from ? from : OpenedHour.HourOf(from).AddHours(1);
        var endOfWhole = OpenedHour.HourOf(to);
        if (!aggregated || firstWhole >= endOfWhole)
        {
            return null;
        }
        if (await FirstBuildPendingAsync(query.Db, cancellationToken, ownFirstBuild))
        {
            return null;
        }
        var stale = await query.Db.OpenedHourMarks.AsNoTracking()
            .Where(m => m.Hour >= firstWhole && m.Hour < endOfWhole)
            .Select(m => m.Hour).Distinct().Take(OpenedHourReader.MostStaleHours + 1).ToListAsync(cancellationToken);
        if (stale.Count > OpenedHourReader.MostStaleHours)
        {
            return null;
        }
        List<(DateTimeOffset, DateTimeOffset)> ranges = [(from, firstWhole), (endOfWhole, to), .. stale.Select(h => (h, h.AddHours(1)))];
        return new HourPlan(firstWhole, endOfWhole, stale, ranges);
    }

    /// <summary>
    /// The plan's whole hours for a level by UTC day (<see cref="OpenedDepartmentDay"/>, <see cref="ResourceDepartmentDay"/>): the whole
    /// days none of whose hours is marked from the days, everything else from the hours (<see cref="UtcDays.HourRanges"/>, whose marked
    /// hours stay the incidents'). A marked hour of a partial day at either end stays in that part's hours: sending its whole day back to
    /// the hours counted the part's other hours twice, and read hours outside the period.
    /// </summary>
    public UtcDays ByUtcDay()
    {
        var (firstDay, endOfDays) = (OpenedDepartmentDay.DayFrom(FirstWhole), OpenedDepartmentDay.DayOf(EndOfWhole));
        var staleDays = Stale.Select(OpenedDepartmentDay.DayOf).Where(d => d >= firstDay && d < endOfDays).Distinct().ToList();
        List<(DateTimeOffset, DateTimeOffset)> hours = [(FirstWhole, firstDay), (endOfDays, EndOfWhole), .. staleDays.Select(d => (d, d.AddDays(1)))];
        return new UtcDays(firstDay, endOfDays, staleDays, hours);
    }

    /// <summary>The whole UTC days [<paramref name="First"/>, <paramref name="End"/>) but the <paramref name="Stale"/> ones, and the hours' ranges.</summary>
    public sealed record UtcDays(DateTimeOffset First, DateTimeOffset End, List<DateTimeOffset> Stale, List<(DateTimeOffset From, DateTimeOffset To)> HourRanges)
    {
        public bool Any => First < End;
    }

    /// <summary>Whether the migration's « every hour » mark is still there: until the first build is over, the incidents answer.</summary>
    public static Task<bool> FirstBuildPendingAsync(EnkiDbContext db, CancellationToken cancellationToken, OpenedHourMark? ownFirstBuild = null)
    {
        var (everything, own) = (OpenedHourMark.Everything.Hour, (ownFirstBuild ?? OpenedHourMark.Everything).Hour);
        return db.OpenedHourMarks.AnyAsync(m => m.Hour == everything || m.Hour == own, cancellationToken);
    }
}
