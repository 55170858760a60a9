using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Crises;

/// <summary>
/// A crisis's figures in the dashboard's shapes (<see cref="DashboardFigures"/>), over its attached
/// incidents, or over its territory while none is attached. A crisis holds hundreds of incidents, not
/// millions: one narrow read, summed here.
/// </summary>
public sealed class CrisisDashboardQueries(IDbContextFactory<EnkiDbContext> dbFactory)
{
    private const int LatestCount = 10;

    /// <summary>A territory's window holds a few thousand incidents at worst; the figures stop there.</summary>
    private const int MaxTerritoryIncidents = 20_000;

    /// <summary>Figures over the incidents attached to the crisis.</summary>
    public async Task<DashboardFigures> ReadAsync(Viewer viewer, Crisis crisis, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var ids = crisis.IncidentIds.ToList();
        if (ids.Count == 0)
        {
            return DashboardFigures.Empty(ScopeOf(viewer, crisis), At(crisis, now));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await SummariseAsync(db.Incidents.AsNoTracking().Within(viewer).Where(i => ids.Contains(i.Id)), viewer, crisis, now, cancellationToken);
    }

    /// <summary>
    /// Figures of the crisis's own territory over its time window (from <see cref="CrisisQueries.SuggestionLead"/>
    /// before its start), whatever is attached: what a crisis just opened shows before anything is attached.
    /// </summary>
    public async Task<DashboardFigures> TerritoryAsync(Viewer viewer, Crisis crisis, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var communes = crisis.Territories.Where(t => t.Kind == JurisdictionKind.Commune).Select(t => t.Code).ToList();
        var departments = crisis.Territories.Where(t => t.Kind == JurisdictionKind.Department).Select(t => t.Code).ToList();
        var from = crisis.StartedAt - CrisisQueries.SuggestionLead;
        var to = At(crisis, now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incidents = db.Incidents.AsNoTracking().Within(viewer)
            .Where(i => communes.Contains(i.CommuneCode) || departments.Contains(i.DepartmentCode))
            .Where(i => i.OpenedAt >= from && i.OpenedAt <= to)
            .OrderByDescending(i => i.OpenedAt).Take(MaxTerritoryIncidents);
        return await SummariseAsync(incidents, viewer, crisis, now, cancellationToken);
    }

    private static Jurisdiction ScopeOf(Viewer viewer, Crisis crisis) => crisis.Territories.FirstOrDefault()?.Jurisdiction ?? viewer.Jurisdiction;

    /// <summary>An ended crisis is shown as it stood when it ended.</summary>
    private static DateTimeOffset At(Crisis crisis, DateTimeOffset now) => crisis.EndedAt is { } ended && ended < now ? ended : now;

    private static async Task<DashboardFigures> SummariseAsync(IQueryable<Incident> rows, Viewer viewer, Crisis crisis, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var at = At(crisis, now);
        var incidents = await rows
            .Select(i => new
            {
                Row = new LatestIncident(i.Id, i.OpenedAt, i.CreatedAt, i.NatureLabel, i.NatureFamily, i.CommuneName, i.DepartmentCode, i.Address, i.Status),
                i.IsExercise, i.Victims, i.EngagedResourceCount,
            })
            .ToListAsync(cancellationToken);
        // An exercise crisis counts its exercise incidents; a real one never counts exercises.
        var counted = incidents.Where(i => i.IsExercise == crisis.IsExercise).ToList();
        var active = counted.Where(i => i.Row.Status.IsActive()).ToList();
        var chartStart = Hour(at - DashboardQueries.ChartSpan).AddHours(1);
        return new DashboardFigures(ScopeOf(viewer, crisis), at,
            active.Count,
            counted.Count(i => i.Row.OpenedAt >= at.AddHours(-1)),
            counted.Sum(i => i.Victims.Red), counted.Sum(i => i.Victims.Yellow), counted.Sum(i => i.Victims.Green),
            counted.Sum(i => i.Victims.Deceased), counted.Sum(i => i.Victims.Missing),
            counted.Sum(i => i.Victims.Evacuated), counted.Sum(i => i.Victims.Displaced),
            active.Sum(i => i.EngagedResourceCount),
            crisis.IsExercise ? 0 : incidents.Count(i => i.IsExercise && i.Row.Status.IsActive()),
            counted.Where(i => i.Row.OpenedAt >= chartStart)
                .GroupBy(i => (i.Row.NatureFamily, Hour: Hour(i.Row.OpenedAt)))
                .Select(g => new FamilyHourCount(g.Key.NatureFamily, g.Key.Hour, g.Count()))
                .OrderBy(c => c.Hour).ThenBy(c => c.Family).ToList(),
            [],
            counted.Select(i => i.Row).OrderByDescending(r => r.OpenedAt).Take(LatestCount).ToList());
    }

    private static DateTimeOffset Hour(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
