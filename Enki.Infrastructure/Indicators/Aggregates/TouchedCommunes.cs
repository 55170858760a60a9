using System.Text.Json;
using Enki.Domain.Geography;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The communes where at least one real incident was opened (« population touchée »), each once per bucket, without
/// summing every row of the period: the partial and marked hours come from the incidents as <see cref="HourPlan"/>
/// splits them, the other whole hours from the pre-aggregate by commune. A number or a department map asks, for each
/// commune of the territory not named by the rows of its last days (<see cref="RecentDaysAsync"/>), whether it holds one
/// unmarked row with an opening (one index seek on (CommuneCode, Hour) that stops at the first); a series reads the rows'
/// hour and commune only and keeps each commune once per bucket, and a series by day takes its whole unmarked days from
/// <see cref="TouchedDepartmentDay"/>, already summed by department. Null where this does not apply (a category asked,
/// SQL Server's probe, no pre-aggregate): the caller sums the rows.
/// </summary>
internal static class TouchedCommunes
{
    /// <param name="communes">The territory's communes inside the viewer's jurisdiction (<see cref="IndicatorScope.Communes"/>).</param>
    public static async Task<IReadOnlyList<IndicatorFact>?> ReadAsync(
        IndicatorFactQuery query, IReadOnlyList<Commune> communes, FrenchGeography geography, CancellationToken cancellationToken)
    {
        var request = query.Request;
        if (query.Hours is null || request.Category is not null || request.Representation is not
                (IndicatorRepresentation.Number or IndicatorRepresentation.DepartmentMap or IndicatorRepresentation.TimeSeries))
        {
            return null;
        }
        var series = request.Representation == IndicatorRepresentation.TimeSeries;
        if (!series && !CanProbe(query.Db))
        {
            return null;
        }
        var plan = await HourPlan.OfAsync(query, query.From, query.To, aggregated: true, cancellationToken);
        var grain = OpenedGrain.Of(request);
        var departments = communes.ToDictionary(c => c.InseeCode, c => c.DepartmentCode);
        var touched = new HashSet<(DateTimeOffset At, string Commune, string Department)>();
        List<IndicatorFact> summed = [];
        foreach (var g in await OpenedHourReader.OpeningsAsync(query, grain, plan?.FromIncidents ?? [(query.From, query.To)], cancellationToken))
        {
            if (g.Opened > 0) Add(series ? BucketOf(query, g.At) : request.From, g.CommuneCode, g.DepartmentCode);
        }
        if (plan is (var first, var end, var stale, _))
        {
            if (series)
            {
                var days = await DaysAsync(query, communes, GeographyPopulations.Of(geography), first, end, stale, cancellationToken);
                var pairs = new HashSet<(DateTimeOffset, string)>();
                foreach (var (start, stop) in days?.Outside ?? [(first, end)])
                {
                    await AddPairsAsync(HoursIn(start, stop));
                }
                if (days is { OtherDepartments.Count: > 0 } others)
                {
                    foreach (var (start, stop) in others.Served)
                    {
                        await AddPairsAsync(HoursIn(start, stop).Where(h => others.OtherDepartments.Contains(h.DepartmentCode)));
                    }
                }
                foreach (var (start, commune) in pairs) Add(start, commune, departments.GetValueOrDefault(commune, ""));
                summed = days?.Facts ?? [];

                // One range of hours per query: SQLite seeks only one of two ranges on the same column, and would read the rest of the year.
                IQueryable<OpenedHour> HoursIn(DateTimeOffset start, DateTimeOffset stop) =>
                    query.Hours.Where(h => h.Hour >= start && h.Hour < stop && h.Opened > 0 && !stale.Contains(h.Hour));

                async Task AddPairsAsync(IQueryable<OpenedHour> some)
                {
                    // The indexes read end with the hour, so rows come mostly by hour: the bucket is looked up once per run of an hour.
                    var (hour, bucket) = (DateTimeOffset.MinValue, (DateTimeOffset?)null);
                    await foreach (var row in some.Select(h => new { h.Hour, h.CommuneCode }).AsAsyncEnumerable().WithCancellation(cancellationToken))
                    {
                        if (row.Hour != hour) (hour, bucket) = (row.Hour, BucketOf(query, row.Hour));
                        if (bucket is { } start) pairs.Add((start, row.CommuneCode));
                    }
                }
            }
            else
            {
                var known = touched.Select(t => t.Commune).ToHashSet();
                foreach (var code in await RecentDaysAsync(query, first, end, stale, cancellationToken))
                {
                    if (departments.TryGetValue(code, out var department) && known.Add(code)) Add(request.From, code, department);
                }
                var unknown = communes.Select(c => c.InseeCode).Where(c => !known.Contains(c)).ToList();
                // Rooted in the territory's communes as the viewer sees them (the same list as the populations), and each
                // probe reads that commune's rows only. The rows' territory filter is left out on purpose: without
                // statistics SQLite would seek its department index instead, reading the whole department once per commune.
                var all = query.Db.OpenedHours;
                var found = await CommuneCodes(query.Db, unknown)
                    .Where(code => all.Any(h => h.CommuneCode == code && h.Hour >= first && h.Hour < end && h.Opened > 0 && !stale.Contains(h.Hour)))
                    .ToListAsync(cancellationToken);
                foreach (var code in found) Add(request.From, code, departments[code]);
            }
        }
        return [.. touched.Select(t => IndicatorFact.One(t.At, t.Commune, t.Department, null)), .. summed];

        void Add(DateTimeOffset? at, string commune, string department)
        {
            if (at is { } bucket) touched.Add((bucket, commune, department));
        }
    }

    /// <summary>How many whole days of the period's end <see cref="RecentDaysAsync"/> reads.</summary>
    private const int RecentDays = 31;

    /// <summary>
    /// The communes touched in the last <see cref="RecentDays"/> whole Paris days of the whole hours, none of whose hours is marked,
    /// from the days' rows (every department has its days on Paris time): read before the probes, which are then made only for the
    /// communes not among them. A national year at 5 M incidents is 34,737 probes, about 250 ms on PostgreSQL; its last month names
    /// 26,517 of those communes from 3,131 rows. Empty where the rows do not serve (a territory narrower than a department, their
    /// first build not over).
    /// </summary>
    private static async Task<IEnumerable<string>> RecentDaysAsync(
        IndicatorFactQuery query, DateTimeOffset first, DateTimeOffset end, List<DateTimeOffset> stale, CancellationToken cancellationToken)
    {
        if (query.TouchedDays is not { } rows || await TouchedDayBuild.PendingAsync(query.Db, cancellationToken))
        {
            return [];
        }
        var paris = TerritoryClock.Paris;
        var days = new List<DateTimeOffset>();
        for (var (start, stop) = TouchedDepartmentDay.DayOf(end.AddTicks(-1), paris); start >= first && days.Count < RecentDays;
             (start, stop) = TouchedDepartmentDay.DayOf(start.AddTicks(-1), paris))
        {
            if (stop <= end && !stale.Any(h => h >= start && h < stop)) days.Add(start.ToUniversalTime());
        }
        if (days.Count == 0)
        {
            return [];
        }
        var (from, last, clock) = (days[^1], days[0], paris.Id);
        var lists = await rows.Where(d => d.Day >= from && d.Day <= last && d.Clock == clock)
            .Select(d => new { d.Day, d.Communes }).ToListAsync(cancellationToken);
        var kept = days.ToHashSet();
        return lists.Where(d => kept.Contains(d.Day)).SelectMany(d => d.Communes.Split(TouchedDepartmentDay.Separator, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// What the days' rows answer in a series by day: each whole day of the plan none of whose hours is marked, for the departments that
    /// have their days on the series' clock, one fact per department and day with its communes' population summed here.
    /// <see cref="Outside"/> is what the hours' rows must still answer for every department, <see cref="Served"/> for the
    /// <see cref="OtherDepartments"/> (Mayotte in the zone of the south of the Indian Ocean, on Réunion's time). Null where the rows
    /// do not serve: a step of an hour, no whole day, a viewer or territory narrower than a department, the rows' first build not over.
    /// </summary>
    private sealed record ServedDays(
        List<IndicatorFact> Facts, List<(DateTimeOffset, DateTimeOffset)> Served, List<(DateTimeOffset, DateTimeOffset)> Outside, List<string> OtherDepartments);

    /// <param name="populations">The geography's populations: a row summed with them is read without its codes.</param>
    private static async Task<ServedDays?> DaysAsync(IndicatorFactQuery query, IReadOnlyList<Commune> communes, GeographyPopulations populations,
        DateTimeOffset first, DateTimeOffset end, List<DateTimeOffset> stale, CancellationToken cancellationToken)
    {
        if (query.TouchedDays is not { } rows || query.Buckets.Step != IndicatorStep.Day || await TouchedDayBuild.PendingAsync(query.Db, cancellationToken))
        {
            return null;
        }
        var zone = query.Buckets.Zone;
        var whole = query.Buckets.Buckets.Where(b => b.Start >= first && b.End <= end && !stale.Any(b.Contains)).ToList();
        if (whole.Count == 0)
        {
            return null;
        }
        var departments = communes.Select(c => c.DepartmentCode).Distinct().ToList();
        var served = departments.Where(d => TouchedDayBuild.HasDaysOn(zone, d)).ToHashSet();
        var bucketOf = whole.ToDictionary(b => b.Start);
        var (from, to) = (whole[0].Start.ToUniversalTime(), whole[^1].End.ToUniversalTime());
        var facts = new List<IndicatorFact>();
        var clock = zone.Id;
        // The codes only from a row summed with other populations, looked up in this geography's. A department's row lists its own
        // communes, all of them in a territory of a department or wider, so its sum is what the territory's populations give.
        var fingerprint = populations.Fingerprint;
        var days = rows.Where(d => d.Day >= from && d.Day < to && d.Clock == clock)
            .Select(d => new { d.Day, d.DepartmentCode, d.Inhabitants, d.CommuneCount, Communes = d.Populations == fingerprint ? null : d.Communes });
        await foreach (var day in days.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!served.Contains(day.DepartmentCode) || !bucketOf.TryGetValue(day.Day, out var bucket)) continue;
            var (people, count) = day.Communes is null
                ? (day.Inhabitants, day.CommuneCount)
                : populations.ByDepartment.Of(day.DepartmentCode, day.Communes, TouchedDepartmentDay.Separator);
            facts.Add(IndicatorFact.Touched(bucket.Start, day.DepartmentCode, people, count));
        }
        var servedRanges = Ranges(whole);
        var outside = new List<(DateTimeOffset, DateTimeOffset)>();
        var cursor = first;
        foreach (var (start, stop) in servedRanges)
        {
            if (cursor < start) outside.Add((cursor, start));
            cursor = stop;
        }
        if (cursor < end) outside.Add((cursor, end));
        return new ServedDays(facts, servedRanges, outside, [.. departments.Where(d => !served.Contains(d))]);
    }

    /// <summary>Consecutive buckets as ranges of UTC instants.</summary>
    private static List<(DateTimeOffset, DateTimeOffset)> Ranges(IEnumerable<TimeBucket> buckets)
    {
        var ranges = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var b in buckets)
        {
            if (ranges.Count > 0 && ranges[^1].To == b.Start) ranges[^1] = (ranges[^1].From, b.End.ToUniversalTime());
            else ranges.Add((b.Start.ToUniversalTime(), b.End.ToUniversalTime()));
        }
        return ranges;
    }

    /// <summary>The start of the series' bucket holding an instant; null outside them, as the grouping leaves it out.</summary>
    private static DateTimeOffset? BucketOf(IndicatorFactQuery query, DateTimeOffset at) =>
        query.Buckets.IndexOf(at) is >= 0 and var index ? query.Buckets.Buckets[index].Start : null;

    /// <summary>The providers whose list of communes below is a table a query can start from (SQL Server keeps summing the rows).</summary>
    private static bool CanProbe(EnkiDbContext db) => db.Database.IsSqlite() || db.Database.IsNpgsql();

    /// <summary>A list of commune codes as a one-column table, sent as one parameter.</summary>
    private static IQueryable<string> CommuneCodes(EnkiDbContext db, IReadOnlyList<string> codes) =>
        db.Database.IsNpgsql()
            ? db.Database.SqlQueryRaw<string>("""SELECT code AS "Value" FROM unnest({0}::text[]) AS code""", [codes.ToArray()]) // one array parameter, not params
            : db.Database.SqlQueryRaw<string>("""SELECT value AS "Value" FROM json_each({0})""", JsonSerializer.Serialize(codes));
}
