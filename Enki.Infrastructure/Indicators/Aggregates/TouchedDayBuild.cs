using Enki.Domain.Geography;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The rows of <see cref="TouchedDepartmentDay"/>: the days of every clock that meet some rewritten hours (the refresh, in the
/// transaction of those hours), or every day in one pass over the rows of <see cref="OpenedHour"/> (the first build,
/// <see cref="OpenedHourMark.TouchedEverything"/>). Both read only those rows, the same way, so both give the same rows.
/// </summary>
internal static class TouchedDayBuild
{
    public static Task<bool> PendingAsync(EnkiDbContext db, CancellationToken cancellationToken) =>
        OwnFirstBuild.PendingAsync(db, OpenedHourMark.TouchedEverything, cancellationToken);

    /// <summary>Whether a department has its days on a clock: Paris's for every department, an overseas department's own.</summary>
    public static bool HasDaysOn(TimeZoneInfo clock, string departmentCode) =>
        clock.Id == TerritoryClock.Paris.Id || TerritoryClock.ZoneOf(departmentCode).Id == clock.Id;

    /// <summary>Rewrites, from the hours' rows as this transaction sees them, each day of every clock holding one of <paramref name="hours"/>.</summary>
    public static async Task RefreshAsync(EnkiDbContext db, IEnumerable<DateTimeOffset> hours, FrenchGeography geography, CancellationToken cancellationToken)
    {
        var days = hours.SelectMany(hour => TerritoryClock.DepartmentZones.Select(clock => (Clock: clock, Day: TouchedDepartmentDay.DayOf(hour, clock)))).Distinct();
        foreach (var (clock, (start, end)) in days)
        {
            var id = clock.Id;
            await db.TouchedDepartmentDays.Where(d => d.Day == start && d.Clock == id).ExecuteDeleteAsync(cancellationToken);
            var opened = db.OpenedHours.AsNoTracking().Where(h => h.Hour >= start && h.Hour < end && h.Opened > 0);
            if (clock.Id != TerritoryClock.Paris.Id)
            {
                var departments = TerritoryClock.OverseasDepartmentCodes.Where(d => HasDaysOn(clock, d)).ToList();
                opened = opened.Where(h => departments.Contains(h.DepartmentCode));
            }
            var touched = new Touched();
            foreach (var h in await opened.Select(h => new { h.Hour, h.CommuneCode, h.DepartmentCode, h.ZoneCode }).ToListAsync(cancellationToken))
            {
                touched.Add(clock, h.Hour, h.CommuneCode, h.DepartmentCode, h.ZoneCode);
            }
            db.TouchedDepartmentDays.AddRange(touched.Rows(GeographyPopulations.Of(geography)));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Every day's rows from one read of the hours' rows that hold openings, then all rows replaced and the build's mark deleted
    /// (<see cref="OwnFirstBuild"/>). Only the refresh writes those hours' rows, under the same job lock, and it rewrites the days of what it rewrites later.
    /// </summary>
    public static async Task RunAsync(IDbContextFactory<EnkiDbContext> dbFactory, FrenchGeography geography, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var touched = new Touched();
        await foreach (var h in db.OpenedHours.AsNoTracking().Where(h => h.Opened > 0)
                           .Select(h => new { h.Hour, h.CommuneCode, h.DepartmentCode, h.ZoneCode }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            touched.Add(TerritoryClock.Paris, h.Hour, h.CommuneCode, h.DepartmentCode, h.ZoneCode);
            if (TerritoryClock.ZoneOf(h.DepartmentCode) is var own && own.Id != TerritoryClock.Paris.Id)
            {
                touched.Add(own, h.Hour, h.CommuneCode, h.DepartmentCode, h.ZoneCode);
            }
        }
        await OwnFirstBuild.ReplaceRowsAsync(db, touched.Rows(GeographyPopulations.Of(geography)).ToList(), cancellationToken);
        await OwnFirstBuild.FinishAsync(db, OpenedHourMark.TouchedEverything, cancellationToken);
    }

    /// <summary>Hours' rows with openings gathered into their day of a clock, each commune once.</summary>
    private sealed class Touched
    {
        private readonly Dictionary<(DateTimeOffset Day, string Clock, string Department), (string Zone, HashSet<string> Communes)> _days = [];

        public void Add(TimeZoneInfo clock, DateTimeOffset hour, string commune, string department, string zone)
        {
            var key = (TouchedDepartmentDay.DayOf(hour, clock).Start, clock.Id, department);
            if (!_days.TryGetValue(key, out var found))
            {
                _days[key] = found = (zone, []);
            }
            found.Communes.Add(commune);
        }

        public IEnumerable<TouchedDepartmentDay> Rows(GeographyPopulations populations) => _days.Select(d =>
        {
            var communes = string.Join(TouchedDepartmentDay.Separator, d.Value.Communes.Order(StringComparer.Ordinal));
            var (inhabitants, count) = populations.ByDepartment.Of(d.Key.Department, communes, TouchedDepartmentDay.Separator);
            return new TouchedDepartmentDay
            {
                Day = d.Key.Day, Clock = d.Key.Clock, DepartmentCode = d.Key.Department, ZoneCode = d.Value.Zone, Communes = communes,
                Inhabitants = inhabitants, CommuneCount = count, Populations = populations.Fingerprint,
            };
        });
    }
}
