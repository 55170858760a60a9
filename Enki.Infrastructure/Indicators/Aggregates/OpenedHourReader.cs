using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The incidents opened in a period, counted from the pre-aggregate for every whole hour no mark calls stale,
/// and from the incidents for the rest: the partial hours at both ends and the marked hours (each an
/// index-driven range, never one « OR »). A view that keeps no hour and no commune apart reads the whole UTC
/// days none of whose hours is marked from <see cref="OpenedDepartmentDay"/>; the nation seen whole reads
/// <see cref="OpenedNationalHour"/>; the rest reads <see cref="OpenedHour"/>. All are summed in the database
/// down to the view's <see cref="OpenedGrain"/>. The answer is the one the incidents alone would give.
/// </summary>
internal static class OpenedHourReader
{
    /// <summary>Above this many stale hours (a first build under way) the incidents answer alone, as before the first build.</summary>
    public const int MostStaleHours = 200;

    /// <summary>What the incidents say for some ranges of time, in groups of the view's grain: the hours the pre-aggregate cannot answer.</summary>
    public delegate Task<IReadOnlyList<OpenedGroup>> IncidentSource(
        IndicatorFactQuery query, OpenedGrain grain, IEnumerable<(DateTimeOffset From, DateTimeOffset To)> ranges, CancellationToken cancellationToken);

    /// <summary>The openings of the request's period, at its view's grain (with their victims or not).</summary>
    public static Task<IReadOnlyList<OpenedGroup>> ReadAsync(IndicatorFactQuery query, OpenedSums sums, CancellationToken cancellationToken) =>
        ReadAsync(query, query.From, query.To, OpenedGrain.Of(query.Request), OpeningsAsync, cancellationToken, sums);

    /// <summary>
    /// Whether the pre-aggregate can answer for this territory now: it has one, its first build is over and few hours
    /// are marked (otherwise a reader over the whole history would read it from the incidents).
    /// </summary>
    public static async Task<bool> ServesAsync(IndicatorFactQuery query, CancellationToken cancellationToken)
    {
        return query.Hours is not null
               && !await HourPlan.FirstBuildPendingAsync(query.Db, cancellationToken)
               && await query.Db.OpenedHourMarks.Select(m => m.Hour).Distinct().Take(MostStaleHours + 1).CountAsync(cancellationToken) <= MostStaleHours;
    }

    /// <summary>The groups of [from, to) at a grain: the pre-aggregate's for its unmarked whole hours, <paramref name="fromIncidents"/>' for the rest.</summary>
    /// <param name="sums">The counts summed: the openings (only from the rows holding some), or the progress changes.</param>
    public static async Task<IReadOnlyList<OpenedGroup>> ReadAsync(IndicatorFactQuery query, DateTimeOffset from, DateTimeOffset to, OpenedGrain grain,
        IncidentSource fromIncidents, CancellationToken cancellationToken, OpenedSums sums = OpenedSums.Progress)
    {
        if (await HourPlan.OfAsync(query, from, to, query.Hours is not null, cancellationToken) is not { } plan)
        {
            return await fromIncidents(query, grain, [(from, to)], cancellationToken);
        }
        var (firstWhole, endOfWhole, stale, ranges) = plan;
        var groups = new List<OpenedGroup>(await fromIncidents(query, grain, ranges, cancellationToken));
        var national = query.NationalHours is not null && !grain.Commune && !grain.Department;
        var byDay = plan.ByUtcDay();
        List<(DateTimeOffset From, DateTimeOffset To)> hourRanges = [(firstWhole, endOfWhole)];
        if (query.DepartmentDays is { } days && !grain.Hour && !grain.Commune && !national && byDay.Any)
        {
            // Whole UTC days none of whose hours is marked from the days; the other whole hours from the hours.
            var (firstDay, endOfDays, staleDays) = (byDay.First, byDay.End, byDay.Stale);
            groups.AddRange(await SumAsync(days.Where(d => d.Day >= firstDay && d.Day < endOfDays && !staleDays.Contains(d.Day)),
                KeyOf<OpenedDepartmentDay>(grain, department: nameof(OpenedDepartmentDay.DepartmentCode)), sums, cancellationToken));
            hourRanges = byDay.HourRanges;
        }
        foreach (var (start, end) in hourRanges.Where(r => r.From < r.To))
        {
            groups.AddRange(await SumHoursAsync(query, grain, national, start, end, stale, sums, cancellationToken));
        }
        if (!grain.Hour)
        {
            groups = [.. groups.Select(g => g with { At = query.Request.From })];
        }
        return [.. groups.Select(g => g.NatureFamily == OpenedHour.NoFamily ? g with { NatureFamily = null } : g)];
    }

    /// <summary>The unmarked hours of a range, from the national level when the view keeps no place apart, else from the communes' rows.</summary>
    private static async Task<List<OpenedGroup>> SumHoursAsync(IndicatorFactQuery query, OpenedGrain grain, bool national,
        DateTimeOffset start, DateTimeOffset end, List<DateTimeOffset> stale, OpenedSums sums, CancellationToken cancellationToken) =>
        national
            ? await SumAsync(query.NationalHours!.Where(h => h.Hour >= start && h.Hour < end && !stale.Contains(h.Hour)),
                KeyOf<OpenedNationalHour>(grain, hour: nameof(OpenedNationalHour.Hour)), sums, cancellationToken)
            : await SumAsync(query.Hours!.Where(h => h.Hour >= start && h.Hour < end && !stale.Contains(h.Hour)),
                KeyOf<OpenedHour>(grain, nameof(OpenedHour.Hour), nameof(OpenedHour.CommuneCode), nameof(OpenedHour.DepartmentCode)), sums, cancellationToken);

    /// <summary>Any level's rows (by commune, the nation's dozen an hour, by department and day) summed by the key the view keeps, the counts asked only.</summary>
    private static Task<List<OpenedGroup>> SumAsync<T>(IQueryable<T> rows, Expression<Func<T, OpenedKey>> key, OpenedSums sums, CancellationToken cancellationToken)
        where T : OpenedCounts
    {
        var groups = (sums == OpenedSums.Progress ? rows : rows.Where(r => r.Opened > 0)).GroupBy(key);
        return (sums switch
        {
            OpenedSums.Openings => groups.Select(g => new OpenedGroup(g.Key.Hour, g.Key.Commune, g.Key.Department, g.Key.Family, g.Sum(h => h.Opened),
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            OpenedSums.OpeningsAndVictims => groups.Select(g => new OpenedGroup(g.Key.Hour, g.Key.Commune, g.Key.Department, g.Key.Family, g.Sum(h => h.Opened),
                g.Sum(h => h.Deceased), g.Sum(h => h.Red), g.Sum(h => h.Yellow), g.Sum(h => h.Green),
                g.Sum(h => h.Missing), g.Sum(h => h.Evacuated), g.Sum(h => h.Displaced), 0, 0, 0)),
            _ => groups.Select(g => new OpenedGroup(g.Key.Hour, g.Key.Commune, g.Key.Department, g.Key.Family, 0,
                0, 0, 0, 0, 0, 0, 0, g.Sum(h => h.Closed), g.Sum(h => h.Started), g.Sum(h => h.Ended))),
        }).ToListAsync(cancellationToken);
    }

    /// <summary>The grouping key of a level's rows: the columns the view keeps apart and the level holds (<see cref="GroupingKey"/>).</summary>
    private static Expression<Func<T, OpenedKey>> KeyOf<T>(OpenedGrain grain, string? hour = null, string? commune = null, string? department = null) =>
        GroupingKey.Of<T, OpenedKey>(
        [
            (grain.Hour, hour, nameof(OpenedKey.Hour)),
            (grain.Commune, commune, nameof(OpenedKey.Commune)),
            (grain.Department, department, nameof(OpenedKey.Department)),
            (grain.Family, nameof(OpenedHour.NatureFamily), nameof(OpenedKey.Family)),
        ]);

    private sealed class OpenedKey
    {
        public DateTimeOffset Hour { get; set; }

        public string Commune { get; set; } = "";

        public string Department { get; set; } = "";

        public string Family { get; set; } = OpenedHour.NoFamily;
    }

    /// <summary>The incidents opened in some ranges, as groups of the view's grain (one per incident in a series).</summary>
    public static async Task<IReadOnlyList<OpenedGroup>> OpeningsAsync(
        IndicatorFactQuery query, OpenedGrain grain, IEnumerable<(DateTimeOffset From, DateTimeOffset To)> ranges, CancellationToken cancellationToken)
    {
        var groups = new List<OpenedGroup>();
        foreach (var (start, end) in ranges.Where(r => r.From < r.To))
        {
            var opened = query.Real.Where(i => i.OpenedAt >= start && i.OpenedAt < end);
            if (grain.Hour)
            {
                groups.AddRange(await opened.Select(i => new OpenedGroup(i.OpenedAt, i.CommuneCode, i.DepartmentCode, i.NatureFamily, 1,
                        i.Victims.Deceased, i.Victims.Red, i.Victims.Yellow, i.Victims.Green, i.Victims.Missing, i.Victims.Evacuated, i.Victims.Displaced))
                    .ToListAsync(cancellationToken));
                continue;
            }
            var (commune, department, family) = (grain.Commune, grain.Department, grain.Family);
            var at = query.Request.From;
            groups.AddRange(await opened
                .GroupBy(i => new
                {
                    Commune = commune ? i.CommuneCode : "",
                    Department = department ? i.DepartmentCode : "",
                    Family = family ? i.NatureFamily : null,
                })
                .Select(g => new OpenedGroup(at, g.Key.Commune, g.Key.Department, g.Key.Family, g.Count(),
                    g.Sum(i => i.Victims.Deceased), g.Sum(i => i.Victims.Red), g.Sum(i => i.Victims.Yellow), g.Sum(i => i.Victims.Green),
                    g.Sum(i => i.Victims.Missing), g.Sum(i => i.Victims.Evacuated), g.Sum(i => i.Victims.Displaced)))
                .ToListAsync(cancellationToken));
        }
        return groups;
    }
}
