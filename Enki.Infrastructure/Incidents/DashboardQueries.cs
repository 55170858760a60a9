using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Incidents;

/// <summary>
/// The dashboard's figures for a territory. The scope must already be checked against the viewer's
/// jurisdiction (a scope is a jurisdiction the viewer includes); every query goes through the one filter.
/// Each query is driven by an index: the active set by status, the recent set by opening time.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<EnkiDbContext> dbFactory, FrenchGeography geography)
{
    public static readonly TimeSpan ChartSpan = TimeSpan.FromHours(12);
    private static readonly IncidentStatus[] Active = [IncidentStatus.Reported, IncidentStatus.InProgress, IncidentStatus.Suspended];
    internal const int LatestCount = 10;
    internal const int BreakdownCount = 12;

    public async Task<DashboardFigures> ReadAsync(Jurisdiction scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inScope = db.Incidents.AsNoTracking().Where(JurisdictionFilter.For<Incident>(scope));
        // Compared with a parameter, not negated: SQLite only uses an index for "IsExercise = ?".
        var exercise = false;
        var real = inScope.Where(i => i.IsExercise == exercise);
        // Times are stored in UTC and compared as ticks on SQLite: a bound with another offset would shift the window.
        var utcNow = now.ToUniversalTime();
        var dayAgo = utcNow.AddDays(-1);
        var hourAgo = utcNow.AddHours(-1);

        var active = await Totals(real.Where(i => Active.Contains(i.Status)), cancellationToken);
        var recentClosed = await Totals(real.Where(i => !Active.Contains(i.Status) && i.OpenedAt >= dayAgo), cancellationToken);
        var newLastHour = await real.CountAsync(i => i.OpenedAt >= hourAgo, cancellationToken);
        var exercises = await inScope.CountAsync(i => i.IsExercise == !exercise && Active.Contains(i.Status), cancellationToken);

        var chartStart = Hour(utcNow - ChartSpan).AddHours(1);
        var opened = await real.Where(i => i.OpenedAt >= chartStart).Select(i => new { i.NatureFamily, i.OpenedAt }).ToListAsync(cancellationToken);
        var byFamily = opened.GroupBy(i => (i.NatureFamily, Hour: Hour(i.OpenedAt)))
            .Select(g => new FamilyHourCount(g.Key.NatureFamily, g.Key.Hour, g.Count()))
            .OrderBy(c => c.Hour).ThenBy(c => c.Family).ToList();

        var latest = await real.OrderByDescending(i => i.OpenedAt).Take(LatestCount)
            .Select(i => new LatestIncident(i.Id, i.OpenedAt, i.CreatedAt, i.NatureLabel, i.NatureFamily, i.CommuneName, i.DepartmentCode, i.Address, i.Status))
            .ToListAsync(cancellationToken);

        return new DashboardFigures(scope, now,
            active.Count, newLastHour,
            active.Red + recentClosed.Red, active.Yellow + recentClosed.Yellow, active.Green + recentClosed.Green,
            active.Deceased + recentClosed.Deceased, active.Missing + recentClosed.Missing,
            active.Evacuated + recentClosed.Evacuated, active.Displaced + recentClosed.Displaced,
            active.Resources, exercises, byFamily,
            await BreakdownAsync(scope, real, dayAgo, cancellationToken), latest);
    }

    /// <summary>Which child territories are hit most: departments of a zone or of France, communes of a department.</summary>
    private async Task<IReadOnlyList<TerritoryCount>> BreakdownAsync(Jurisdiction scope, IQueryable<Incident> real, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (scope.Kind == JurisdictionKind.Commune)
        {
            return [];
        }
        var byDepartment = scope.Kind != JurisdictionKind.Department;
        // Two index-driven queries (the active set, the recent closed ones) rather than one "OR" that scans the table.
        var active = await CountByTerritoryAsync(real.Where(i => Active.Contains(i.Status)), byDepartment, cancellationToken);
        var closed = await CountByTerritoryAsync(real.Where(i => !Active.Contains(i.Status) && i.OpenedAt >= since), byDepartment, cancellationToken);
        return active.Keys.Union(closed.Keys)
            .Select(code => new TerritoryCount(code,
                (byDepartment ? geography.FindDepartment(code)?.Name : geography.FindCommune(code)?.Name) ?? code,
                active.GetValueOrDefault(code), active.GetValueOrDefault(code) + closed.GetValueOrDefault(code)))
            .OrderByDescending(t => t.InProgress).ThenByDescending(t => t.Total).ThenBy(t => t.Code)
            .Take(BreakdownCount)
            .ToList();
    }

    private static async Task<Dictionary<string, int>> CountByTerritoryAsync(IQueryable<Incident> incidents, bool byDepartment, CancellationToken cancellationToken) =>
        byDepartment
            ? await incidents.GroupBy(i => i.DepartmentCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken)
            : await incidents.GroupBy(i => i.CommuneCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    private static async Task<Sums> Totals(IQueryable<Incident> incidents, CancellationToken cancellationToken) =>
        (await incidents.GroupBy(_ => 1).Select(g => new Sums(
                g.Count(),
                g.Sum(i => i.Victims.Red), g.Sum(i => i.Victims.Yellow), g.Sum(i => i.Victims.Green),
                g.Sum(i => i.Victims.Deceased), g.Sum(i => i.Victims.Missing),
                g.Sum(i => i.Victims.Evacuated), g.Sum(i => i.Victims.Displaced),
                g.Sum(i => i.EngagedResourceCount)))
            .ToListAsync(cancellationToken)).SingleOrDefault() ?? Sums.Zero;

    internal static DateTimeOffset Hour(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private sealed record Sums(int Count, int Red, int Yellow, int Green, int Deceased, int Missing, int Evacuated, int Displaced, int Resources)
    {
        public static readonly Sums Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
