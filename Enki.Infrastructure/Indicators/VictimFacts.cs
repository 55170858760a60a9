using Enki.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>Victims of the incidents opened in the period, latest counts, one fact per category and incident (or group).</summary>
internal static class VictimFacts
{
    public static async Task<IReadOnlyList<IndicatorFact>> OfOpenedAsync(IndicatorFactQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = (query.From, query.To);
        var opened = query.Real.Where(i => i.OpenedAt >= from && i.OpenedAt < to);
        List<Counts> counts;
        if (query.Series)
        {
            counts = await opened.Select(i => new Counts(i.OpenedAt, i.CommuneCode, i.DepartmentCode,
                    i.Victims.Deceased, i.Victims.Red, i.Victims.Yellow, i.Victims.Green, i.Victims.Missing, i.Victims.Evacuated, i.Victims.Displaced))
                .ToListAsync(cancellationToken);
        }
        else
        {
            var at = query.Request.From;
            counts = await opened.GroupBy(i => new { i.CommuneCode, i.DepartmentCode })
                .Select(g => new Counts(at, g.Key.CommuneCode, g.Key.DepartmentCode,
                    g.Sum(i => i.Victims.Deceased), g.Sum(i => i.Victims.Red), g.Sum(i => i.Victims.Yellow), g.Sum(i => i.Victims.Green),
                    g.Sum(i => i.Victims.Missing), g.Sum(i => i.Victims.Evacuated), g.Sum(i => i.Victims.Displaced)))
                .ToListAsync(cancellationToken);
        }
        return counts.SelectMany(c => c.Facts()).ToList();
    }

    private sealed record Counts(
        DateTimeOffset At, string CommuneCode, string DepartmentCode,
        int Deceased, int Red, int Yellow, int Green, int Missing, int Evacuated, int Displaced)
    {
        // In the order of IndicatorCatalogue.VictimCategories.
        public IEnumerable<IndicatorFact> Facts() =>
            new[] { Deceased, Red, Yellow, Green, Missing, Evacuated, Displaced }
                .Select((count, i) => (count, IndicatorCatalogue.VictimCategories[i].Code))
                .Where(c => c.count > 0)
                .Select(c => new IndicatorFact(At, CommuneCode, DepartmentCode, c.Code, [c.count]));
    }
}
