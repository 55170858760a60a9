using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// « Victimes connues » from the pre-aggregate (<see cref="VictimChange"/>): the rows of the plan's whole opening hours no mark calls
/// stale, reported before the view's last instant, summed in the database down to what the view keeps: the report's hour (or time) for a
/// series (it places each change in its bucket), the commune or department for a map. The changes add up, so the sums are exact.
/// </summary>
internal static class VictimChangeReader
{
    public static async Task<List<VictimFacts.Change>> ReadAsync(IndicatorFactQuery query, HourPlan plan, DateTimeOffset last, CancellationToken cancellationToken)
    {
        var (firstWhole, endOfWhole, stale) = (plan.FirstWhole, plan.EndOfWhole, plan.Stale);
        var rows = query.VictimChanges!.Where(h => h.Hour >= firstWhole && h.Hour < endOfWhole && !stale.Contains(h.Hour) && h.At < last);
        var grain = OpenedGrain.Of(query.Request);
        var series = query.Series;
        // A view of one instant needs no time: every row kept is known by then. The department is kept when nothing else is,
        // so the key is never constants alone (<see cref="GroupingKey"/>); its hundred groups are summed here.
        // Instants on whole UTC hours (every French zone's hours and days) take a report from the end of its hour, as at its exact time.
        var byHour = series && query.Instants.All(i => i.At.UtcTicks % TimeSpan.TicksPerHour == 0);
        var groups = rows.GroupBy(KeyOf(series ? byHour ? nameof(VictimChange.ReportHour) : nameof(VictimChange.At) : null,
                grain.Commune, grain.Department || !series && !grain.Commune))
            .Select(g => new
            {
                g.Key.At, g.Key.CommuneCode, g.Key.DepartmentCode,
                Deceased = g.Sum(h => h.Deceased), Red = g.Sum(h => h.Red), Yellow = g.Sum(h => h.Yellow), Green = g.Sum(h => h.Green),
                Missing = g.Sum(h => h.Missing), Evacuated = g.Sum(h => h.Evacuated), Displaced = g.Sum(h => h.Displaced),
            });
        var changes = new List<VictimFacts.Change>();
        await foreach (var g in groups.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            changes.Add(new VictimFacts.Change(series ? g.At : DateTimeOffset.MinValue, g.CommuneCode, g.DepartmentCode, "",
                [g.Deceased, g.Red, g.Yellow, g.Green, g.Missing, g.Evacuated, g.Displaced]));
        }
        return changes;
    }

    /// <param name="time">The column a series places each change by in its bucket; none for a view of one instant.</param>
    private static Expression<Func<VictimChange, Key>> KeyOf(string? time, bool commune, bool department) =>
        GroupingKey.Of<VictimChange, Key>(
        [
            (time is not null, time, nameof(Key.At)),
            (commune, nameof(VictimChange.CommuneCode), nameof(Key.CommuneCode)),
            (department, nameof(VictimChange.DepartmentCode), nameof(Key.DepartmentCode)),
        ]);

    private sealed class Key
    {
        public DateTimeOffset At { get; set; }

        public string CommuneCode { get; set; } = "";

        public string DepartmentCode { get; set; } = "";
    }
}
