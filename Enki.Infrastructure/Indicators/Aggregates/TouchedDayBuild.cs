using Enki.Domain.Geography;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The rows of <see cref="TouchedDepartmentDay"/>: the local days that meet some rewritten hours, in every department's time zone
/// (the refresh, in the transaction of those hours), or every day in one pass over the rows of <see cref="OpenedHour"/> (the first
/// build, <see cref="OpenedHourMark.TouchedEverything"/>). Both read only those rows, the same way, so both give the same rows.
/// </summary>
internal static class TouchedDayBuild
{
    public static Task<bool> PendingAsync(EnkiDbContext db, CancellationToken cancellationToken) =>
        OwnFirstBuild.PendingAsync(db, OpenedHourMark.TouchedEverything, cancellationToken);

    /// <summary>Rewrites, from the hours' rows as this transaction sees them, each local day holding one of <paramref name="hours"/>.</summary>
    public static async Task RefreshAsync(EnkiDbContext db, IEnumerable<DateTimeOffset> hours, CancellationToken cancellationToken)
    {
        var overseas = TerritoryClock.OverseasDepartmentCodes.ToList();
        var days = hours.SelectMany(hour => TerritoryClock.DepartmentZones.Select(zone => (Zone: zone, Day: TouchedDepartmentDay.DayOf(hour, zone)))).Distinct();
        foreach (var (zone, (start, end)) in days)
        {
            // A zone's departments: Paris's are every department not overseas.
            var rows = db.TouchedDepartmentDays.Where(d => d.Day == start);
            var opened = db.OpenedHours.AsNoTracking().Where(h => h.Hour >= start && h.Hour < end && h.Opened > 0);
            if (zone == TerritoryClock.Paris)
            {
                (rows, opened) = (rows.Where(d => !overseas.Contains(d.DepartmentCode)), opened.Where(h => !overseas.Contains(h.DepartmentCode)));
            }
            else
            {
                var departments = overseas.Where(d => TerritoryClock.ZoneOf(d) == zone).ToList();
                (rows, opened) = (rows.Where(d => departments.Contains(d.DepartmentCode)), opened.Where(h => departments.Contains(h.DepartmentCode)));
            }
            await rows.ExecuteDeleteAsync(cancellationToken);
            var touched = new Touched();
            foreach (var h in await opened.Select(h => new { h.Hour, h.CommuneCode, h.DepartmentCode, h.ZoneCode }).ToListAsync(cancellationToken))
            {
                touched.Add(h.Hour, h.CommuneCode, h.DepartmentCode, h.ZoneCode);
            }
            db.TouchedDepartmentDays.AddRange(touched.Rows());
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Every day's rows from one read of the hours' rows that hold openings, then all rows replaced and the build's mark deleted in one
    /// transaction. Only the refresh writes those hours' rows, under the same job lock, and it rewrites the days of what it rewrites later.
    /// </summary>
    public static async Task RunAsync(IDbContextFactory<EnkiDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var touched = new Touched();
        await foreach (var h in db.OpenedHours.AsNoTracking().Where(h => h.Opened > 0)
                           .Select(h => new { h.Hour, h.CommuneCode, h.DepartmentCode, h.ZoneCode }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            touched.Add(h.Hour, h.CommuneCode, h.DepartmentCode, h.ZoneCode);
        }
        await OwnFirstBuild.ReplaceAllAsync(db, touched.Rows().ToList(), OpenedHourMark.TouchedEverything, cancellationToken);
    }

    /// <summary>Hours' rows with openings gathered into their department's local day, each commune once.</summary>
    private sealed class Touched
    {
        private readonly Dictionary<(DateTimeOffset Day, string Department), (string Zone, HashSet<string> Communes)> _days = [];

        public void Add(DateTimeOffset hour, string commune, string department, string zone)
        {
            var day = TouchedDepartmentDay.DayOf(hour, TerritoryClock.ZoneOf(department)).Start;
            if (!_days.TryGetValue((day, department), out var found))
            {
                _days[(day, department)] = found = (zone, []);
            }
            found.Communes.Add(commune);
        }

        public IEnumerable<TouchedDepartmentDay> Rows() => _days.Select(d => new TouchedDepartmentDay
        {
            Day = d.Key.Day, DepartmentCode = d.Key.Department, ZoneCode = d.Value.Zone,
            Communes = string.Join(TouchedDepartmentDay.Separator, d.Value.Communes.Order(StringComparer.Ordinal)),
        });
    }
}
