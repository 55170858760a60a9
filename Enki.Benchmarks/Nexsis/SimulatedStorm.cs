using Enki.Domain.Geography;
using Enki.Simulator;

namespace Enki.Benchmarks.Nexsis;

/// <summary>
/// A storm's worth of NexSIS traffic from the simulator's own generators (its default scenarios:
/// RC-EDA creations in hub JSON, a share in CISU XML, RC-RI resource states, EMSI situations, a few
/// malformed and exercise messages), in production order. The same seed gives the same storm.
/// </summary>
internal static class SimulatedStorm
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<FeedEntry> Generate(FrenchGeography geography, int count, int seed)
    {
        var feed = new SimulatedFeed(capacity: Math.Max(count * 2, SimulatedFeed.DefaultCapacity));
        var engine = new ScenarioEngine(feed, geography, new SimulatorOptions { Seed = seed, Backfill = TimeSpan.Zero }, Start);
        for (var hour = 1; feed.Produced < count; hour++)
        {
            engine.AdvanceTo(Start.AddHours(hour));
        }
        return feed.Snapshot().Take(count).ToList();
    }
}
