using System.Linq.Expressions;
using Enki.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// « Moyens engagés » and « durée d'engagement » of a period: the pre-aggregate's rows (<see cref="ResourceHour"/>; its national level,
/// <see cref="ResourceNationalHour"/>, for a national view that keeps no place apart; its department level, <see cref="ResourceDepartmentDay"/>,
/// for the whole UTC days of a view that keeps no hour and no commune apart) for every whole
/// hour no mark calls stale, summed in the database down to what the view keeps (hour, commune, department, kind) and the exact
/// duration; the incidents' own facts (<see cref="ResourceFacts.InAsync"/>) for the partial hours at both ends and the marked hours.
/// A duration's group is one fact standing for its resources (<see cref="IndicatorFact.Times"/>): the percentiles are those of the resources.
/// </summary>
internal static class ResourceHourReader
{
    /// <param name="released">The releases and their durations; else the first statuses.</param>
    public static async Task<IReadOnlyList<IndicatorFact>> ReadAsync(IndicatorFactQuery query, bool released, CancellationToken cancellationToken)
    {
        var (from, to) = (query.From, query.To);
        var plan = await HourPlan.OfAsync(query, from, to, query.ResourceHours is not null, cancellationToken, OpenedHourMark.ResourcesEverything);
        var facts = new List<IndicatorFact>();
        foreach (var (start, end) in plan?.FromIncidents ?? [(from, to)])
        {
            if (start >= end) continue;
            facts.AddRange((await ResourceFacts.InAsync(query.Db, query.Real, start, end, cancellationToken)).Where(f => f.Released == released)
                .Select(f => ResourceFacts.IndicatorFactOf(f.At, f.CommuneCode, f.DepartmentCode, f.Kind, released, f.DurationTicks)));
        }
        if (plan is null)
        {
            return facts;
        }
        var (firstWhole, endOfWhole, stale) = (plan.FirstWhole, plan.EndOfWhole, plan.Stale);
        // Only what the view keeps apart is grouped by, and the releases' duration (KeyOf), so the key is never constants alone; columns the view
        // drops are left out of the key, not replaced by constants (grouping by constants doubled the national year's sum on SQLite).
        var grain = OpenedGrain.Of(query.Request);
        var kind = query.Request.Representation is IndicatorRepresentation.Table or IndicatorRepresentation.CategorySeries || query.Request.Category is not null;
        var at = query.Request.From;
        var national = query.ResourceNationalHours is not null && !grain.Commune && !grain.Department;
        var byDay = plan.ByUtcDay();
        var sources = new List<IQueryable<Group>>();
        List<(DateTimeOffset From, DateTimeOffset To)> hourRanges = [(firstWhole, endOfWhole)];
        if (query.ResourceDepartmentDays is { } days && !grain.Hour && !grain.Commune && !national && byDay.Any)
        {
            // Whole UTC days none of whose hours is marked from the department level, the other whole hours from the hours.
            var (firstDay, endOfDays, staleDays) = (byDay.First, byDay.End, byDay.Stale);
            sources.Add(days.Where(d => d.Day >= firstDay && d.Day < endOfDays && d.Released == released && !staleDays.Contains(d.Day))
                .GroupBy(KeyOf<ResourceDepartmentDay>(false, false, grain.Department, kind, released))
                .Select(g => new Group(g.Key.Hour, "", g.Key.DepartmentCode, g.Key.Kind, g.Key.DurationTicks, g.Sum(d => (long)d.Resources))));
            hourRanges = byDay.HourRanges;
        }
        foreach (var (start, end) in hourRanges.Where(r => r.From < r.To))
        {
            // The national level when the view keeps no place apart: a few rows an hour instead of one per commune and kind.
            sources.Add(national
                ? query.ResourceNationalHours!.Where(h => h.Hour >= start && h.Hour < end && h.Released == released && !stale.Contains(h.Hour))
                    .GroupBy(KeyOf<ResourceNationalHour>(grain.Hour, false, false, kind, released))
                    .Select(g => new Group(g.Key.Hour, "", "", g.Key.Kind, g.Key.DurationTicks, g.Sum(h => (long)h.Resources)))
                : query.ResourceHours!.Where(h => h.Hour >= start && h.Hour < end && h.Released == released && !stale.Contains(h.Hour))
                    .GroupBy(KeyOf<ResourceHour>(grain.Hour, grain.Commune, grain.Department, kind, released))
                    .Select(g => new Group(g.Key.Hour, g.Key.CommuneCode, g.Key.DepartmentCode, g.Key.Kind, g.Key.DurationTicks, g.Sum(h => (long)h.Resources))));
        }
        foreach (var groups in sources)
        {
            await foreach (var group in groups.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                facts.Add(ResourceFacts.IndicatorFactOf(grain.Hour ? group.At : at, group.CommuneCode, group.DepartmentCode, kind ? group.Kind : null, released,
                    group.DurationTicks, group.Resources));
            }
        }
        return facts;
    }

    /// <summary>
    /// A grouping key of the columns kept (<see cref="GroupingKey"/>), and the duration for the releases. A first status's is always 0,
    /// and grouping by it too made SQLite sort a national department map's 1.2 M rows at 5 M incidents instead of summing them in
    /// the order of the department's index (0.44 s → 0.18 s in the shell); it stays only when nothing else is kept.
    /// </summary>
    private static Expression<Func<TRow, Key>> KeyOf<TRow>(bool hour, bool commune, bool department, bool kind, bool released) =>
        GroupingKey.Of<TRow, Key>(
        [
            (hour, nameof(ResourceHour.Hour), nameof(Key.Hour)),
            (commune, nameof(ResourceHour.CommuneCode), nameof(Key.CommuneCode)),
            (department, nameof(ResourceHour.DepartmentCode), nameof(Key.DepartmentCode)),
            (kind, nameof(ResourceHour.Kind), nameof(Key.Kind)),
            (released || !(hour || commune || department || kind), nameof(ResourceHour.DurationTicks), nameof(Key.DurationTicks)),
        ]);

    private sealed class Key
    {
        public DateTimeOffset Hour { get; set; }

        public string CommuneCode { get; set; } = "";

        public string DepartmentCode { get; set; } = "";

        public string Kind { get; set; } = "";

        public long DurationTicks { get; set; }
    }

    private sealed record Group(DateTimeOffset At, string CommuneCode, string DepartmentCode, string Kind, long DurationTicks, long Resources);
}
