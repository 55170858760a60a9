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
                var byBucket = facts.ToLookup(f => buckets.IndexOf(f.At));
                return buckets.Buckets.Select((bucket, i) => new IndicatorRow(bucket.Start, null, null, null, null,
                    Figures(byBucket[i].ToList(), aggregation, context.Communes, context.DistributionWidth, communes))).ToList();
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

    /// <summary>The known categories in their order, or those met, by code.</summary>
    private static IReadOnlyList<(string Code, string Label)> Categories(IReadOnlyList<IndicatorFact> facts, IndicatorGroupingContext context) =>
        context.Categories
        ?? facts.Select(f => f.Category ?? "").Distinct().Order(StringComparer.Ordinal).Select(c => (c, context.CategoryLabel?.Invoke(c) ?? c)).ToList();

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
                var figures = new List<double?>();
                for (var i = 0; i < width; i++)
                {
                    // Median then P90, from one sort of the values; a fact standing for another part only (NaN here) is not one of them.
                    var part = i;
                    figures.AddRange(Percentile.NearestRanksOfCounts(facts.Where(f => !double.IsNaN(f.Values[part])).Select(f => (f.Values[part], f.Times)), 0.5, 0.9));
                }
                figures.Add(facts.Where(f => !double.IsNaN(f.Values[0])).Sum(f => f.Times));
                return figures;
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
