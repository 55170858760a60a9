using Enki.Domain.Access;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// What the victims reports of real incidents opened in one hour (UTC) changed, by commune and exact report time: each report's
/// counts less its incident's previous report's (<see cref="VictimReports"/>), summed over the incidents that share the key (the
/// changes add up, so the sums are exact). Keyed by the opening hour, so the save of an incident marks the hour of its rows
/// (<see cref="OpenedHourMark"/>) and the refresh rewrites them with the hour's other rows (<see cref="OpenedHourRefreshJob"/>).
/// </summary>
public sealed class VictimChange : VictimCounts, ILocatedInTerritory
{
    /// <summary>The incidents' opening hour, not the report's.</summary>
    public DateTimeOffset Hour { get; set; }

    public string CommuneCode { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    public string ZoneCode { get; set; } = "";

    /// <summary>When the senders dated the reports (UTC): a report counts from the first instant strictly after it.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>
    /// The UTC hour holding <see cref="At"/>. A series' instants lie on whole hours, where a report of that hour counts from the same
    /// instant as at its exact time: a national year is summed by a few thousand report hours, not by each of its reports' times.
    /// </summary>
    public DateTimeOffset ReportHour { get; set; }

    /// <param name="byCategory">In the order of <see cref="Domain.Indicators.IndicatorCatalogue.VictimCategories"/>.</param>
    public static VictimChange Of(DateTimeOffset hour, string communeCode, string departmentCode, string zoneCode, DateTimeOffset at, int[] byCategory)
    {
        var row = new VictimChange
        {
            Hour = hour, CommuneCode = communeCode, DepartmentCode = departmentCode, ZoneCode = zoneCode, At = at, ReportHour = OpenedHour.HourOf(at),
        };
        row.SetByCategory(byCategory);
        return row;
    }
}
