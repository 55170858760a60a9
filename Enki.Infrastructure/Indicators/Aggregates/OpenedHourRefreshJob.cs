using Enki.Domain.Geography;
using Enki.Infrastructure.Jobs;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// Recomputes the marked hours of <see cref="OpenedHour"/>, <see cref="OpenedNationalHour"/>, <see cref="GridNationalHour"/>, <see cref="CoverageHour"/>, <see cref="CoverageNationalHour"/>, <see cref="ResourceHour"/>,
/// <see cref="ResourceNationalHour"/> and <see cref="VictimChange"/> from the incidents, and their days of
/// <see cref="OpenedDepartmentDay"/>, <see cref="ResourceDepartmentDay"/> and <see cref="TouchedDepartmentDay"/>, each day's marked hours whole in one transaction (their rows deleted first, which takes the write
/// lock before the incidents are read), then deletes the marks it read. The first run replaces the migration's « every hour » mark by the hours
/// that hold a real incident's opening or a status report; readers use the incidents until those marks are gone. <see cref="ResourceHour"/> is built apart, in one pass
/// over the incidents, when <see cref="OpenedHourMark.ResourcesEverything"/> is there (its facts lie at resource times, not at openings);
/// <see cref="VictimChange"/> likewise, in one pass over the victims reports, when <see cref="OpenedHourMark.VictimsEverything"/> is there;
/// <see cref="TouchedDepartmentDay"/> in one pass over the hours' rows, when <see cref="OpenedHourMark.TouchedEverything"/> is there;
/// <see cref="CoverageNationalHour"/> in one pass over the coverage rows, when <see cref="OpenedHourMark.CoverageNationalEverything"/> is there;
/// <see cref="GridNationalHour"/> in one pass over the placed incidents, when <see cref="OpenedHourMark.GridNationalEverything"/> is there.
/// </summary>
public sealed class OpenedHourRefreshJob(IDbContextFactory<EnkiDbContext> dbFactory, JobLock jobLock, FrenchGeography geography)
{
    public const string RecurringId = "indicateurs-heures-ouvertes";

    private const int HoursPerPass = 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var exclusive = await jobLock.AcquireAsync(RecurringId, TimeSpan.FromMinutes(1), cancellationToken);
        await MarkEveryHourOnceAsync(cancellationToken);
        // While the resource or victims rows wait for their one-pass build, the hours are refreshed without them: the build, read after, sees every change.
        var resourcesPending = await ResourceHourBuild.PendingAsync(dbFactory, cancellationToken);
        var victimsPending = await VictimChangeBuild.PendingAsync(dbFactory, cancellationToken);
        while (await RefreshAsync(cancellationToken, resources: !resourcesPending, victims: !victimsPending) > 0 && !cancellationToken.IsCancellationRequested)
        {
        }
        if (resourcesPending && !cancellationToken.IsCancellationRequested)
        {
            await ResourceHourBuild.RunAsync(dbFactory, cancellationToken);
        }
        if (victimsPending && !cancellationToken.IsCancellationRequested)
        {
            await VictimChangeBuild.RunAsync(dbFactory, cancellationToken);
        }
        if (await OwnFirstBuild.PendingAsync(dbFactory, OpenedHourMark.TouchedEverything, cancellationToken) && !cancellationToken.IsCancellationRequested)
        {
            // Read from the hours' rows, so after the refresh above.
            await TouchedDayBuild.RunAsync(dbFactory, geography, cancellationToken);
        }
        if (await OwnFirstBuild.PendingAsync(dbFactory, OpenedHourMark.CoverageNationalEverything, cancellationToken) && !cancellationToken.IsCancellationRequested)
        {
            // Read from the coverage rows, so after the refresh above.
            await CoverageNationalHourBuild.RunAsync(dbFactory, cancellationToken);
        }
        if (await OwnFirstBuild.PendingAsync(dbFactory, OpenedHourMark.GridNationalEverything, cancellationToken) && !cancellationToken.IsCancellationRequested)
        {
            await GridNationalHourBuild.RunAsync(dbFactory, cancellationToken);
        }
    }

    /// <summary>
    /// Recomputes up to <see cref="HoursPerPass"/> marked hours, a day's hours in one transaction with the day's
    /// department rows (which are summed from all its hours' rows); returns how many hours.
    /// </summary>
    /// <param name="resources">Whether the hours' <see cref="ResourceHour"/> rows are rewritten too (not while their first build waits).</param>
    /// <param name="victims">Whether the hours' <see cref="VictimChange"/> rows are rewritten too (not while their first build waits).</param>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken, bool resources = true, bool victims = true)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ownBuilds = OpenedHourMark.OwnFirstBuilds.Select(m => m.Hour).ToList();
        var marks = await db.OpenedHourMarks.AsNoTracking().Where(m => !ownBuilds.Contains(m.Hour)).OrderBy(m => m.Hour).Take(HoursPerPass * 20)
            .Select(m => new { m.Id, m.Hour }).ToListAsync(cancellationToken);
        var hours = marks.GroupBy(m => m.Hour).Take(HoursPerPass).ToList();
        foreach (var day in hours.GroupBy(h => OpenedDepartmentDay.DayOf(h.Key)))
        {
            var ids = day.SelectMany(h => h.Select(m => m.Id)).ToList();
            await db.WriteInTurnAsync(async token =>
            {
                db.ChangeTracker.Clear(); // a retried attempt adds the rows again
                foreach (var hour in day.Select(h => h.Key))
                {
                    await db.OpenedHours.Where(h => h.Hour == hour).ExecuteDeleteAsync(token);
                    await db.OpenedNationalHours.Where(h => h.Hour == hour).ExecuteDeleteAsync(token);
                    var byCommune = await CountAsync(db, hour, token);
                    db.OpenedHours.AddRange(byCommune);
                    db.OpenedNationalHours.AddRange(OpenedNationalHour.Of(hour, byCommune));
                    await db.GridNationalHours.Where(h => h.Hour == hour).ExecuteDeleteAsync(token);
                    if (await GridNationalHour.HourAsync(db, hour, token) is { } grid)
                    {
                        db.GridNationalHours.Add(grid);
                    }
                    await db.CoverageHours.Where(h => h.Hour == hour).ExecuteDeleteAsync(token);
                    await db.CoverageNationalHours.Where(h => h.Hour == hour).ExecuteDeleteAsync(token);
                    var coverage = await CoverageAsync(db, hour, token);
                    db.CoverageHours.AddRange(coverage);
                    if (CoverageNationalHour.Of(hour, coverage) is { } nationalCoverage)
                    {
                        db.CoverageNationalHours.Add(nationalCoverage);
                    }
                    if (resources)
                    {
                        await db.ResourceHours.Where(h => h.Hour == hour).ExecuteDeleteAsync(token);
                        await db.ResourceNationalHours.Where(h => h.Hour == hour).ExecuteDeleteAsync(token);
                        var resourceRows = (await ResourceHourBuild.HourAsync(db, hour, token)).ToList();
                        db.ResourceHours.AddRange(resourceRows);
                        db.ResourceNationalHours.AddRange(ResourceNationalHour.Of(resourceRows));
                    }
                    if (victims)
                    {
                        await db.VictimChanges.Where(h => h.Hour == hour).ExecuteDeleteAsync(token);
                        db.VictimChanges.AddRange(await VictimChangeBuild.HourAsync(db, hour, token));
                    }
                }
                await db.SaveChangesAsync(token);
                await db.OpenedDepartmentDays.Where(d => d.Day == day.Key).ExecuteDeleteAsync(token);
                db.OpenedDepartmentDays.AddRange(await SumDayAsync(db, day.Key, token));
                if (resources)
                {
                    await db.ResourceDepartmentDays.Where(d => d.Day == day.Key).ExecuteDeleteAsync(token);
                    db.ResourceDepartmentDays.AddRange(await SumResourceDayAsync(db, day.Key, token));
                }
                await db.SaveChangesAsync(token);
                await TouchedDayBuild.RefreshAsync(db, day.Select(h => h.Key), geography, token);
                await db.OpenedHourMarks.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(token);
            }, cancellationToken);
            db.ChangeTracker.Clear();
        }
        return hours.Count;
    }

    /// <summary>A day's department rows from its hours' rows by commune (those of this transaction included).</summary>
    private static async Task<IEnumerable<OpenedDepartmentDay>> SumDayAsync(EnkiDbContext db, DateTimeOffset day, CancellationToken cancellationToken)
    {
        var end = day.AddDays(1);
        return OpenedDepartmentDay.Of(day, await db.OpenedHours.AsNoTracking().Where(h => h.Hour >= day && h.Hour < end).ToListAsync(cancellationToken));
    }

    /// <summary>A day's resource department rows from its hours' resource rows by commune (those of this transaction included).</summary>
    private static async Task<IEnumerable<ResourceDepartmentDay>> SumResourceDayAsync(EnkiDbContext db, DateTimeOffset day, CancellationToken cancellationToken)
    {
        var end = day.AddDays(1);
        return ResourceDepartmentDay.Of(await db.ResourceHours.AsNoTracking().Where(h => h.Hour >= day && h.Hour < end).ToListAsync(cancellationToken));
    }

    /// <summary>An hour's rows by commune and family: the openings in it, and the progress changes dated in it.</summary>
    private static async Task<List<OpenedHour>> CountAsync(EnkiDbContext db, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        var (start, end, exercise) = (hour, hour.AddHours(1), false);
        var real = db.Incidents.AsNoTracking().Where(i => i.IsExercise == exercise);
        var rows = (await real
            .Where(i => i.OpenedAt >= start && i.OpenedAt < end)
            .GroupBy(i => new { i.CommuneCode, i.DepartmentCode, i.ZoneCode, i.NatureFamily })
            .Select(g => new OpenedHour
            {
                Hour = hour,
                CommuneCode = g.Key.CommuneCode ?? "",
                DepartmentCode = g.Key.DepartmentCode ?? "",
                ZoneCode = g.Key.ZoneCode ?? "",
                NatureFamily = g.Key.NatureFamily ?? OpenedHour.NoFamily,
                Opened = g.Count(),
                Deceased = g.Sum(i => i.Victims.Deceased),
                Red = g.Sum(i => i.Victims.Red),
                Yellow = g.Sum(i => i.Victims.Yellow),
                Green = g.Sum(i => i.Victims.Green),
                Missing = g.Sum(i => i.Victims.Missing),
                Evacuated = g.Sum(i => i.Victims.Evacuated),
                Displaced = g.Sum(i => i.Victims.Displaced),
            })
            .ToListAsync(cancellationToken))
            .ToDictionary(h => (h.CommuneCode, h.NatureFamily));
        var changes = await ProgressChanges.InAsync(db, real, start, end, cancellationToken);
        foreach (var group in changes.GroupBy(c => (c.CommuneCode, NatureFamily: c.NatureFamily ?? OpenedHour.NoFamily)))
        {
            if (!rows.TryGetValue(group.Key, out var row))
            {
                var place = group.First();
                rows[group.Key] = row = new OpenedHour
                {
                    Hour = hour, CommuneCode = group.Key.CommuneCode, DepartmentCode = place.DepartmentCode, ZoneCode = place.ZoneCode,
                    NatureFamily = group.Key.NatureFamily,
                };
            }
            row.Closed = group.Sum(c => c.Closed);
            row.Started = group.Sum(c => c.Started);
            row.Ended = group.Sum(c => c.Ended);
        }
        return [.. rows.Values];
    }

    /// <summary>An hour's coverage rows: its real incidents with a resource on scene, counted by place, family and durations.</summary>
    private static async Task<List<CoverageHour>> CoverageAsync(EnkiDbContext db, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        var exercise = false;
        var covered = await ResourceFacts.CoveredAsync(db.Incidents.AsNoTracking().Where(i => i.IsExercise == exercise), hour, hour.AddHours(1), cancellationToken);
        return covered.GroupBy(c => (c.CommuneCode, c.DepartmentCode, c.ZoneCode, NatureFamily: c.NatureFamily ?? OpenedHour.NoFamily, c.TotalTicks, c.AlertTicks))
            .Select(g => new CoverageHour
            {
                Hour = hour, CommuneCode = g.Key.CommuneCode, DepartmentCode = g.Key.DepartmentCode, ZoneCode = g.Key.ZoneCode,
                NatureFamily = g.Key.NatureFamily, TotalTicks = g.Key.TotalTicks, AlertTicks = g.Key.AlertTicks, Incidents = g.Count(),
            })
            .ToList();
    }

    /// <summary>
    /// Replaces the migration's « every hour » mark by one mark per hour holding a real incident's opening or a status report (a
    /// store filled before the aggregate existed), in one transaction.
    /// </summary>
    private async Task MarkEveryHourOnceAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var everything = OpenedHourMark.Everything.Hour;
        var marker = await db.OpenedHourMarks.Where(m => m.Hour == everything).Select(m => m.Id).ToListAsync(cancellationToken);
        if (marker.Count == 0)
        {
            return;
        }
        var exercise = false;
        var hours = new HashSet<DateTimeOffset>();
        await foreach (var openedAt in db.Incidents.AsNoTracking().Where(i => i.IsExercise == exercise).Select(i => i.OpenedAt)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            hours.Add(OpenedHour.HourOf(openedAt));
        }
        // And every status report's hour: the progress steps and closings lie there too, and an hour of the night holding a closing
        // and no opening would otherwise be trusted empty. An exercise's report only costs its hour a useless rewrite.
        await foreach (var reportedAt in db.Events.AsNoTracking()
                           .Where(e => (e.Type == ProgressChanges.Closed || e.Type == ProgressChanges.StatusChanged) && e.SubjectId != null)
                           .Select(e => e.OccurredAt).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            hours.Add(OpenedHour.HourOf(reportedAt));
        }
        var ownBuilds = OpenedHourMark.OwnFirstBuilds.Select(m => m.Id).ToList();
        var ownBuildsMarked = await db.OpenedHourMarks.Where(m => ownBuilds.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            db.OpenedHourMarks.AddRange(hours.Select(h => new OpenedHourMark { Hour = h }));
            // Rebuilding everything rebuilds the resource and victims rows too, each in its own pass.
            db.OpenedHourMarks.AddRange(OpenedHourMark.OwnFirstBuilds.Where(m => !ownBuildsMarked.Contains(m.Id)).Select(m => new OpenedHourMark { Id = m.Id, Hour = m.Hour }));
            await db.SaveChangesAsync(token);
            await db.OpenedHourMarks.Where(m => marker.Contains(m.Id)).ExecuteDeleteAsync(token);
            await transaction.CommitAsync(token);
            db.ChangeTracker.Clear();
        }, cancellationToken);
    }
}
