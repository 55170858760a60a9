using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Enki.Domain.Indicators;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// Packed durations (<see cref="CoverageDurations"/>) summed by what a view keeps apart (its bucket, department, family), part (0 the
/// total, 1 the alert handling, 2 the travel) and exact duration: a national year's million incidents become a few thousand values per
/// part and group. Each group's histograms are found once per group of an hour, then each pair counted in them by duration alone.
/// </summary>
internal sealed class CoverageTally
{
    private readonly Dictionary<(int Bucket, string Department, string Family), CountTable[]> _groups = [];
    private CountTable[]? _last;
    private (int Bucket, string Department, string Family) _lastKey;

    /// <summary>
    /// Optimised from its first call, its counts inlined (<see cref="CountTable"/>): a view of a year adds a million pairs in each of a
    /// few requests, too few for the runtime's tiers to reach this code before the answers are given.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int bucket, string department, string family, ReadOnlySpan<CoverageDurations.Pair> pairs)
    {
        // The groups of an hour come in their order, and a view that drops a code sees the same group again and again: kept at hand, found
        // by reference (the reader gives one string per code; another instance only costs a lookup).
        if (_last is null || bucket != _lastKey.Bucket || !ReferenceEquals(department, _lastKey.Department) || !ReferenceEquals(family, _lastKey.Family))
        {
            ref var found = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, (bucket, department, family), out _);
            found ??= [new(), new(), new()];
            (_last, _lastKey) = (found, (bucket, department, family));
        }
        var (total, alert, travel) = (_last[0], _last[1], _last[2]);
        foreach (var pair in pairs)
        {
            total.Add(pair.TotalTicks, pair.Incidents);
            alert.Add(pair.AlertTicks, pair.Incidents);
            travel.Add(pair.TotalTicks - pair.AlertTicks, pair.Incidents);
        }
    }

    /// <summary>One fact per group, part and exact duration, standing for its incidents in that part only (<see cref="ResourceFacts.CoveragePartFact"/>).</summary>
    /// <param name="at">A group's time from its bucket (-1: none).</param>
    /// <remarks>Plain loops optimised from the first call, like <see cref="Add"/>: a national year's series makes 241 k facts.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<IndicatorFact> Facts(Func<int, DateTimeOffset> at)
    {
        var facts = new List<IndicatorFact>();
        foreach (var ((bucket, department, family), parts) in _groups)
        {
            var (time, category) = (at(bucket), family == OpenedHour.NoFamily ? null : family);
            for (var part = 0; part < parts.Length; part++)
            {
                foreach (var (ticks, incidents) in parts[part])
                {
                    facts.Add(ResourceFacts.CoveragePartFact(time, department, category, part, ticks, incidents));
                }
            }
        }
        return facts;
    }
}
