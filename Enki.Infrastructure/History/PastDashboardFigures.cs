using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.History;
using Enki.Infrastructure.Incidents;

namespace Enki.Infrastructure.History;

/// <summary>
/// The dashboard's figures at a past instant, from the incidents as they stood then, by the live
/// dashboard's own rules (<see cref="DashboardQueries"/>): in progress are the cases open then; victims,
/// evacuated and displaced add those of the cases closed by then but opened in the 24 hours before;
/// resources are those engaged on the open cases; new ones opened in the hour before the instant.
/// </summary>
public static class PastDashboardFigures
{
    /// <param name="countEveryVictim">Victims of every incident given (a crisis's page), not only of the open and last 24 hours' ones.</param>
    public static DashboardFigures Of(Jurisdiction scope, DateTimeOffset instant, IReadOnlyList<IncidentThen> known, FrenchGeography geography,
        bool countEveryVictim = false)
    {
        var utc = instant.ToUniversalTime();
        var dayAgo = utc.AddDays(-1);
        var counted = countEveryVictim ? [.. known] : known.Where(i => i.IsOpen || i.OpenedAt >= dayAgo).ToList();
        var open = known.Where(i => i.IsOpen).ToList();
        var chartStart = Hour(utc - DashboardQueries.ChartSpan).AddHours(1);
        return new DashboardFigures(scope, utc,
            open.Count,
            known.Count(i => i.OpenedAt >= utc.AddHours(-1)),
            counted.Sum(i => i.Victims.Red), counted.Sum(i => i.Victims.Yellow), counted.Sum(i => i.Victims.Green),
            counted.Sum(i => i.Victims.Deceased), counted.Sum(i => i.Victims.Missing),
            counted.Sum(i => i.Victims.Evacuated), counted.Sum(i => i.Victims.Displaced),
            open.Sum(i => i.EngagedResources),
            // Exercises are never part of the past (real and exercise data never mix).
            0,
            [.. known.Where(i => i.OpenedAt >= chartStart)
                .GroupBy(i => (i.NatureFamily, Hour: Hour(i.OpenedAt)))
                .Select(g => new FamilyHourCount(g.Key.NatureFamily, g.Key.Hour, g.Count()))
                .OrderBy(c => c.Hour).ThenBy(c => c.Family)],
            Breakdown(scope, counted, geography),
            [.. known.OrderByDescending(i => i.OpenedAt).Take(DashboardQueries.LatestCount)
                .Select(i => new LatestIncident(i.IncidentId, i.OpenedAt, i.OpenedAt, i.NatureLabel, i.NatureFamily,
                    geography.FindCommune(i.CommuneCode)?.Name ?? i.CommuneCode, i.DepartmentCode, null, i.Status))]);
    }

    /// <summary>Departments of a zone or of France, communes of a department: open cases, and those counted in the last 24 hours.</summary>
    private static IReadOnlyList<TerritoryCount> Breakdown(Jurisdiction scope, IReadOnlyList<IncidentThen> counted, FrenchGeography geography)
    {
        if (scope.Kind == JurisdictionKind.Commune) return [];
        var byDepartment = scope.Kind != JurisdictionKind.Department;
        return [.. counted.GroupBy(i => byDepartment ? i.DepartmentCode : i.CommuneCode)
            .Select(g => new TerritoryCount(g.Key,
                (byDepartment ? geography.FindDepartment(g.Key)?.Name : geography.FindCommune(g.Key)?.Name) ?? g.Key,
                g.Count(i => i.IsOpen), g.Count()))
            .OrderByDescending(t => t.InProgress).ThenByDescending(t => t.Total).ThenBy(t => t.Code)
            .Take(DashboardQueries.BreakdownCount)];
    }

    private static DateTimeOffset Hour(DateTimeOffset at) => DashboardQueries.Hour(at);
}
