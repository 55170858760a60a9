using Enki.Domain.Access;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The real incidents opened in one day (UTC) in one department and nature family, with their latest victims:
/// the department level of <see cref="OpenedHour"/> (a few hundred rows a day instead of one per incident), for
/// the views that keep no hour and no commune apart (a department map of the nation, a zone's or a department's
/// number). Recomputed from its day's rows of <see cref="OpenedHour"/> in the same transaction as any of its hours,
/// and trusted only for the days none of whose hours is marked (<see cref="OpenedHourMark"/>). UTC days: a local
/// period's whole UTC days come from here, its other whole hours from the hours.
/// </summary>
public sealed class OpenedDepartmentDay : OpenedCounts, ILocatedInTerritory
{
    public DateTimeOffset Day { get; set; }

    public string DepartmentCode { get; set; } = "";

    public string ZoneCode { get; set; } = "";

    /// <summary><see cref="OpenedHour.NoFamily"/> for incidents without a nature family.</summary>
    public string NatureFamily { get; set; } = OpenedHour.NoFamily;

    /// <summary>No commune: never offered to a viewer or a territory narrower than a department.</summary>
    string? ILocatedInTerritory.CommuneCode => null;

    public static DateTimeOffset DayOf(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerDay, TimeSpan.Zero);
    }

    /// <summary>A day's department rows from its hours' rows by commune.</summary>
    public static IEnumerable<OpenedDepartmentDay> Of(DateTimeOffset day, IEnumerable<OpenedHour> byCommune) =>
        byCommune.GroupBy(h => (h.DepartmentCode, h.ZoneCode, h.NatureFamily)).Select(g => Sum(new OpenedDepartmentDay
        {
            Day = day, DepartmentCode = g.Key.DepartmentCode, ZoneCode = g.Key.ZoneCode, NatureFamily = g.Key.NatureFamily,
        }, [.. g]));

    /// <summary>The first UTC day starting at or after <paramref name="at"/>.</summary>
    public static DateTimeOffset DayFrom(DateTimeOffset at) => DayOf(at) == at ? at : DayOf(at).AddDays(1);
}
