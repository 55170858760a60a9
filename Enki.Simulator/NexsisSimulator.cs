using Enki.Domain.Geography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enki.Simulator;

/// <summary>The simulated clock: starts at the real instant and runs <see cref="Speed"/> times faster.</summary>
public sealed class SimulationClock
{
    private readonly TimeProvider _time;

    public SimulationClock(TimeProvider time, double speed)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1);
        _time = time;
        Speed = speed;
        RealStart = time.GetUtcNow();
    }

    public double Speed { get; }

    /// <summary>The real instant, which is also the simulated start.</summary>
    public DateTimeOffset RealStart { get; }

    /// <summary>The simulated instant: start + real elapsed time × speed.</summary>
    public DateTimeOffset Now => RealStart + (_time.GetUtcNow() - RealStart) * Speed;
}

/// <summary>What <c>GET /simulateur/nexsis/etat</c> answers.</summary>
public sealed record SimulatorStatus(
    bool Running,
    double Speed,
    IReadOnlyList<string> Scenarios,
    long Produced,
    long Malformed,
    long Incidents,
    long Acknowledgements,
    long DuplicateAcknowledgements,
    IReadOnlyList<string> LastAcknowledgements,
    DateTimeOffset SimulatedClock);

/// <summary>
/// The simulator: its feed, its acknowledgements and the engine on the simulated clock. The clock starts
/// when the simulator is built; the engine on first use (it needs the geography); <see cref="Pump"/> plays what is due.
/// </summary>
public sealed class NexsisSimulator
{
    private readonly Lazy<ScenarioEngine> _engine;
    private readonly SimulationClock _clock;
    private readonly Lock _pumpLock = new();
    private readonly SimulatorOptions _options;

    /// <param name="store">
    /// Enki's store: weeks of ordinary history go only into an empty one (not again at each restart), ordinary traffic
    /// goes on into any; without one (the simulator alone) only the scenarios play.
    /// </param>
    public NexsisSimulator(SimulatedFeed feed, SimulatorAcknowledgements acknowledgements, FrenchGeography geography, IOptions<SimulatorOptions> options, TimeProvider time,
        SimulatorStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Feed = feed;
        Acknowledgements = acknowledgements;
        _options = options.Value;
        _clock = new SimulationClock(time, _options.Speed);
        _engine = new Lazy<ScenarioEngine>(() =>
        {
            var empty = _options.Background > TimeSpan.Zero ? store?.IsEmpty() : null;
            var history = empty == true ? _options.Background : TimeSpan.Zero;
            var ordinary = empty is not null;
            return new ScenarioEngine(feed, geography, _options, _clock.RealStart - _options.Backfill, history, ordinary);
        });
    }

    public SimulatedFeed Feed { get; }

    public SimulatorAcknowledgements Acknowledgements { get; }

    /// <summary>True while the hosted service plays the scenarios.</summary>
    public bool Running { get; internal set; }

    /// <summary>Puts in the feed every message due at the simulated now.</summary>
    public int Pump()
    {
        lock (_pumpLock)
        {
            return _engine.Value.AdvanceTo(_clock.Now);
        }
    }

    public SimulatorStatus Status() => new(
        Running,
        _options.Speed,
        _options.EffectiveScenarios,
        Feed.Produced,
        Feed.Malformed,
        _engine.IsValueCreated ? _engine.Value.Incidents : 0,
        Acknowledgements.Count,
        Acknowledgements.Duplicates,
        Acknowledgements.Recent.TakeLast(20).ToArray(),
        _engine.IsValueCreated ? _engine.Value.Now : _clock.RealStart);
}

/// <summary>Plays the simulator every <see cref="TickInterval"/> of real time.</summary>
public sealed partial class NexsisSimulatorService(NexsisSimulator simulator, TimeProvider time, ILogger<NexsisSimulatorService> logger) : BackgroundService
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (the geography loads on first use, about a second).
        await Task.Yield();
        simulator.Running = true;
        LogStarted(logger, simulator.Status().Speed, string.Join(", ", simulator.Status().Scenarios));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    simulator.Pump();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }

                await Task.Delay(TickInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
        finally
        {
            simulator.Running = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "NexSIS simulator started: speed x{Speed}, scenarios {Scenarios}")]
    private static partial void LogStarted(ILogger logger, double speed, string scenarios);

    [LoggerMessage(Level = LogLevel.Error, Message = "NexSIS simulator tick failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
