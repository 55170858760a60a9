using Enki.Domain.Geography;
using Enki.Simulator;
using Microsoft.Extensions.Options;

namespace Enki.Tests.Nexsis.Simulator;

/// <summary>A clock the test moves by hand; timers (Task.Delay) still run on real time.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>
/// The default scenarios played once, fast-forwarded on a <see cref="ManualTimeProvider"/> with a fixed
/// seed: one real minute per pump at speed 10 (ten simulated minutes), up to the end of the first round.
/// Shared by the tests (built once, about 15,000 messages).
/// </summary>
public sealed class SimulatedRun
{
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 7, 0, 0, TimeSpan.Zero);
    public const double Speed = 10;

    /// <summary>Simulated length played: the longest scenario, its incidents closed, before the next round.</summary>
    public static readonly TimeSpan Played = TimeSpan.FromHours(8) + ScenarioEngine.RoundTail;

    private static readonly Lock Gate = new();
    private static SimulatedRun? _shared;

    private SimulatedRun(FrenchGeography geography)
    {
        var time = new ManualTimeProvider(Start);
        var options = new SimulatorOptions { Seed = 42, Speed = Speed, Backfill = TimeSpan.Zero };
        Simulator = new NexsisSimulator(new SimulatedFeed(run: "t42"), new SimulatorAcknowledgements(), geography, Options.Create(options), time);
        var realMinutes = (int)(Played.TotalMinutes / Speed);
        for (var minute = 0; minute < realMinutes; minute++)
        {
            ProducedPerPump.Add(Simulator.Pump());
            time.Advance(TimeSpan.FromMinutes(1));
        }

        Entries = Simulator.Feed.Snapshot();
    }

    public NexsisSimulator Simulator { get; }

    public List<int> ProducedPerPump { get; } = [];

    public IReadOnlyList<FeedEntry> Entries { get; }

    public static SimulatedRun For(FrenchGeography geography)
    {
        lock (Gate)
        {
            return _shared ??= new SimulatedRun(geography);
        }
    }
}
