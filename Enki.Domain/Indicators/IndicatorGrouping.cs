using System.Runtime.CompilerServices;
using Enki.Domain.Geography;

namespace Enki.Domain.Indicators;

/// <summary>
/// What the grouping needs to know of the territory: the communes it covers (for populations), and the
/// names of communes and departments.
/// </summary>
/// <param name="Communes">The communes of the territory inside the viewer's jurisdiction.</param>
/// <param name="DepartmentName">A department's name from its code.</param>
/// <param name="DistributionWidth">How many values each fact of a distribution carries (a total and its parts).</param>
/// <param name="Categories">Known categories in their order (every one gets a row of the table, zeros included); null: those met, by code.</param>
public sealed record IndicatorGroupingContext(
    IReadOnlyList<Commune> Communes,
    Func<string, string?> DepartmentName,
    IReadOnlyList<(string Code, string Label)>? Categories,
    Func<string, string>? CategoryLabel = null,
    int DistributionWidth = 1);

/// <summary>
/// Turns facts into the rows of a representation: pure, so that each indicator's figures can be checked
/// by hand on a few facts. Every bucket of a series gets a row (zeros included); a map lists only the areas
/// with facts (absent means zero) except for populations, which need their area.
/// </summary>
public static class IndicatorGrouping
{
    public static IReadOnlyList<IndicatorRow> Rows(
        IReadOnlyList<IndicatorFact> facts, IndicatorAggregation aggregation, IndicatorRepresentation representation,
        TimeBuckets buckets, IndicatorGroupingContext context)
    {
        var communes = context.Communes.ToDictionary(c => c.InseeCode);
        switch (representation)
        {
            case IndicatorRepresentation.TimeSeries:
                var byBucket = ByBucket(facts, buckets);
                return buckets.Buckets.Select((bucket, i) => new IndicatorRow(bucket.Start, null, null, null, null,
                    Figures(byBucket[i], aggregation, context.Communes, context.DistributionWidth, communes))).ToList();
            case IndicatorRepresentation.CategorySeries:
                var byBucketAndCategory = facts.ToLookup(f => (buckets.IndexOf(f.At), f.Category ?? ""));
                var lines = Categories(facts, context);
                return buckets.Buckets.SelectMany((bucket, i) => lines.Select(c => new IndicatorRow(bucket.Start, null, null, c.Code, c.Label,
                    Figures(byBucketAndCategory[(i, c.Code)].ToList(), aggregation, context.Communes, context.DistributionWidth)))).ToList();
            case IndicatorRepresentation.CommuneMap:
                return facts.GroupBy(f => f.CommuneCode).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new IndicatorRow(null, g.Key, communes.GetValueOrDefault(g.Key)?.Name ?? g.Key, null, null,
                        Figures(g.ToList(), aggregation, communes.TryGetValue(g.Key, out var commune) ? [commune] : [], context.DistributionWidth)))
                    .ToList();
            case IndicatorRepresentation.DepartmentMap:
                // The territory's communes split once: a nation's map would otherwise walk them all for each department.
                var communesOf = context.Communes.ToLookup(c => c.DepartmentCode);
                return facts.GroupBy(f => f.DepartmentCode).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new IndicatorRow(null, g.Key, context.DepartmentName(g.Key) ?? g.Key, null, null,
                        Figures(g.ToList(), aggregation, [.. communesOf[g.Key]], context.DistributionWidth, communes)))
                    .ToList();
            case IndicatorRepresentation.GridMap:
                return facts.Where(f => f.Square is not null).GroupBy(f => f.Square!).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new IndicatorRow(null, g.Key, GridSquare.Parse(g.Key)?.Name ?? g.Key, null, null,
                        Figures(g.ToList(), aggregation, [], context.DistributionWidth)))
                    .ToList();
            case IndicatorRepresentation.Table:
                var byCategory = facts.ToLookup(f => f.Category ?? "");
                return Categories(facts, context).Select(c => new IndicatorRow(null, null, null, c.Code, c.Label,
                    Figures(byCategory[c.Code].ToList(), aggregation, context.Communes, context.DistributionWidth))).ToList();
            default:
                return [new IndicatorRow(null, null, null, null, null, Figures(facts, aggregation, context.Communes, context.DistributionWidth))];
        }
    }

    /// <summary>
    /// The facts of each bucket (those outside the period dropped), in one pass that looks a bucket up only when the time changes: a
    /// pre-aggregate's facts come bucket after bucket, a national year's coverage times 241 k of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<IndicatorFact>[] ByBucket(IReadOnlyList<IndicatorFact> facts, TimeBuckets buckets)
    {
        var byBucket = new List<IndicatorFact>[buckets.Buckets.Count];
        for (var i = 0; i < byBucket.Length; i++) byBucket[i] = [];
        var (at, index) = (DateTimeOffset.MinValue, -1);
        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            if (fact.At != at) (at, index) = (fact.At, buckets.IndexOf(fact.At));
            if (index >= 0) byBucket[index].Add(fact);
        }
        return byBucket;
    }

    /// <summary>The known categories in their order, or those met, by code.</summary>
    private static IReadOnlyList<(string Code, string Label)> Categories(IReadOnlyList<IndicatorFact> facts, IndicatorGroupingContext context) =>
        context.Categories
        ?? facts.Select(f => f.Category ?? "").Distinct().Order(StringComparer.Ordinal).Select(c => (c, context.CategoryLabel?.Invoke(c) ?? c)).ToList();

    /// <summary>
    /// Median then P90 of each part, each from one sort of its values, then the count: plain loops, optimised from the first call, since
    /// a year's series asks it for each of its 365 days and tiers of the runtime's code had not reached it within a few requests.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double?[] Distribution(IReadOnlyList<IndicatorFact> facts, int width)
    {
        var figures = new double?[2 * width + 1];
        var values = new double[facts.Count];
        var counts = new long[facts.Count];
        long known = 0;
        for (var part = 0; part < width; part++)
        {
            var n = 0;
            for (var i = 0; i < facts.Count; i++)
            {
                var fact = facts[i];
                var value = fact.Values[part];
                // A fact standing for another part only (NaN here) is not one of its values.
                if (double.IsNaN(value)) continue;
                (values[n], counts[n]) = (value, fact.Times);
                n++;
                if (part == 0) known += fact.Times;
            }
            var ranks = Percentile.NearestRanksSorting(values.AsSpan(0, n), counts.AsSpan(0, n), 0.5, 0.9);
            (figures[2 * part], figures[2 * part + 1]) = (ranks[0], ranks[1]);
        }
        figures[^1] = known;
        return figures;
    }

    /// <param name="communes">The communes the row stands for: the denominators of a rate.</param>
    /// <param name="byCode">The same communes by code, when the caller has them (a series asks once per bucket).</param>
    public static IReadOnlyList<double?> Figures(IReadOnlyList<IndicatorFact> facts, IndicatorAggregation aggregation, IReadOnlyList<Commune> communes, int width = 1,
        IReadOnlyDictionary<string, Commune>? byCode = null)
    {
        switch (aggregation)
        {
            case IndicatorAggregation.Sum:
                return [facts.Sum(f => f.Values[0])];
            case IndicatorAggregation.Distribution:
                return Distribution(facts, width);
            case IndicatorAggregation.RatePer10000:
                var population = communes.Sum(c => (long)c.Population);
                var count = (long)facts.Sum(f => f.Values[0]);
                return [Rate.Per10000(count, population), count, population];
            default:
                var touched = facts.Where(f => f.CommuneCode != IndicatorFact.SeveralCommunes).Select(f => f.CommuneCode).ToHashSet();
                // Through the few communes touched rather than the whole territory's, when they can be found by code.
                var people = byCode is null
                    ? communes.Where(c => touched.Contains(c.InseeCode)).Sum(c => (long)c.Population)
                    : touched.Sum(code => byCode.TryGetValue(code, out var commune) ? (long)commune.Population : 0);
                var summed = facts.Where(f => f.CommuneCode == IndicatorFact.SeveralCommunes).ToList();
                return [people + summed.Sum(f => f.Values[0]), touched.Count + summed.Sum(f => f.Values[1])];
        }
    }
}
