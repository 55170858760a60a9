using Enki.Domain.Geography;

namespace Enki.Simulator;

/// <summary>
/// Plays the scenarios on simulated time: <see cref="AdvanceTo"/> puts in the feed every message whose
/// time has come, in time order. A round plays every scenario from its start; when the longest one has
/// ended and its incidents are closed, a new round begins. Not thread-safe: one caller at a time
/// (the hosted service's loop).
/// </summary>
public sealed class ScenarioEngine
{
    /// <summary>Quiet time between the end of a round and the next one.</summary>
    public static readonly TimeSpan RoundPause = TimeSpan.FromMinutes(30);

    /// <summary>Time left after a scenario's last start for its incidents to close.</summary>
    public static readonly TimeSpan RoundTail = TimeSpan.FromHours(9);

    private static readonly double[] MajorStarts = [0.02, 0.3, 0.55];

    private readonly SimulatedFeed _feed;
    private readonly IncidentPlanner _planner;
    private readonly Random _random;
    private readonly double _malformedShare;
    private readonly PriorityQueue<Action, (DateTimeOffset At, long Order)> _agenda = new();
    private long _order;
    private long _nowTicks;
    private long _incidents;
    private readonly string[] _departments;
    private List<FeedDraft>? _history;

    /// <param name="history">Weeks of ordinary traffic already past at <paramref name="start"/>, put in the feed after the first
    /// <see cref="AdvanceTo"/> (the scenarios' backfill first, so the crisis shows at once); zero for none.</param>
    /// <param name="ordinary">Plays ordinary traffic from <paramref name="start"/> on, beside the scenarios.</param>
    public ScenarioEngine(SimulatedFeed feed, FrenchGeography geography, SimulatorOptions options, DateTimeOffset start,
        TimeSpan history = default, bool ordinary = false)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(options);
        _feed = feed;
        Scenarios = options.EffectiveScenarios
            .Select(name => ScenarioDefinition.TryParse(name, out var scenario)
                ? scenario
                : throw new ArgumentException($"Unknown scenario {name}.", nameof(options)))
            .ToArray();
        foreach (var scenario in Scenarios.Where(s => geography.FindDepartment(s.DepartmentCode) is null))
        {
            throw new ArgumentException($"Scenario {scenario.Name}: unknown department {scenario.DepartmentCode}.", nameof(options));
        }

        Start = start;
        _nowTicks = start.UtcTicks;
        _random = options.Seed is { } seed ? new Random(seed) : new Random();
        var ids = new Random(HashCode.Combine(options.Seed ?? _random.Next(), start.ToUnixTimeMilliseconds()));
        _malformedShare = options.MalformedShare;
        _planner = new IncidentPlanner(new CommuneSampler(geography), _random, ids, options.ExerciseShare, feed.Run.ToUpperInvariant()[..Math.Min(4, feed.Run.Length)]);
        Schedule(start, () => StartRound(start));
        _departments = [.. Scenarios.Select(s => s.DepartmentCode).Distinct()];
        if (history > TimeSpan.Zero)
        {
            var drafts = BackgroundTraffic.Draw(_planner, _random, _departments, start - history, start)
                .SelectMany(i => { _incidents++; return _planner.PlanOrdinary(i); }).ToList();
            _history = [.. drafts.Where(d => d.At < start).OrderBy(d => d.At)];
            foreach (var late in drafts.Where(d => d.At >= start)) Schedule(late.At, () => _feed.Append(late.Id, late.ContentType, late.Payload));
        }
        if (ordinary) Schedule(start, () => PlayOrdinaryHour(start));
    }

    /// <summary>Ordinary messages of the past not yet in the feed.</summary>
    public int HistoryPending => _history?.Count ?? 0;

    public IReadOnlyList<ScenarioDefinition> Scenarios { get; }

    /// <summary>Simulated instant the engine started at.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Simulated instant reached by the last <see cref="AdvanceTo"/> (readable from any thread).</summary>
    public DateTimeOffset Now => new(Interlocked.Read(ref _nowTicks), TimeSpan.Zero);

    /// <summary>Incidents started so far (readable from any thread).</summary>
    public long Incidents => Interlocked.Read(ref _incidents);

    /// <summary>Runs everything due up to <paramref name="now"/> (simulated time); returns the number of messages produced.</summary>
    public int AdvanceTo(DateTimeOffset now)
    {
        var before = _feed.Produced;
        while (_agenda.TryPeek(out _, out var due) && due.At <= now)
        {
            // The clock shown follows the messages as they are produced.
            MoveClock(due.At);
            _agenda.Dequeue()();
        }

        MoveClock(now);
        if (_history is { } history)
        {
            _history = null;
            foreach (var draft in history) _feed.Append(draft.Id, draft.ContentType, draft.Payload);
        }
        return (int)(_feed.Produced - before);
    }

    private void MoveClock(DateTimeOffset to)
    {
        if (to.UtcTicks > Interlocked.Read(ref _nowTicks))
        {
            Interlocked.Exchange(ref _nowTicks, to.UtcTicks);
        }
    }

    private void Schedule(DateTimeOffset at, Action action) => _agenda.Enqueue(action, (at, _order++));

    private void StartRound(DateTimeOffset start)
    {
        var end = start;
        foreach (var scenario in Scenarios)
        {
            var profile = scenario.Profile;
            var majors = new List<(DateTimeOffset At, Commune? Commune)>();
            for (var i = 0; i < profile.MajorCount; i++)
            {
                // Large fires break out early, then at a third and past half of the scenario.
                var index = i;
                majors.Add((start + profile.Duration * MajorStarts[i % MajorStarts.Length], null));
                Schedule(majors[index].At, () => majors[index] = (majors[index].At, StartIncident(scenario, majors[index].At, major: true, near: null)));
            }

            foreach (var at in DrawStartTimes(start, profile))
            {
                Schedule(at, () =>
                {
                    // Small fires break out around a large fire already burning.
                    var burning = majors.Where(m => m.Commune is not null && m.At <= at).Select(m => m.Commune).ToArray();
                    StartIncident(scenario, at, major: false, near: burning.Length == 0 ? null : burning[_random.Next(burning.Length)]);
                });
            }

            end = start + profile.Duration > end ? start + profile.Duration : end;
        }

        var next = end + RoundTail + RoundPause;
        Schedule(next, () => StartRound(next));
    }

    /// <summary>One hour of ordinary traffic, then the next.</summary>
    private void PlayOrdinaryHour(DateTimeOffset hour)
    {
        foreach (var incident in BackgroundTraffic.Draw(_planner, _random, _departments, hour, hour.AddHours(1)))
        {
            Interlocked.Increment(ref _incidents);
            foreach (var draft in _planner.PlanOrdinary(incident)) Schedule(draft.At, () => _feed.Append(draft.Id, draft.ContentType, draft.Payload));
        }
        Schedule(hour.AddHours(1), () => PlayOrdinaryHour(hour.AddHours(1)));
    }

    /// <summary>Start times drawn by rejection against the profile's intensity: the rise and fall of the scenario.</summary>
    private IEnumerable<DateTimeOffset> DrawStartTimes(DateTimeOffset start, ScenarioProfile profile)
    {
        var peak = Enumerable.Range(0, 101).Max(i => profile.Intensity(i / 100.0)) * 1.05;
        var times = new List<DateTimeOffset>(profile.IncidentCount);
        while (times.Count < profile.IncidentCount)
        {
            var x = _random.NextDouble();
            if (_random.NextDouble() * peak <= profile.Intensity(x))
            {
                times.Add(start + profile.Duration * x);
            }
        }

        times.Sort();
        return times;
    }

    private Commune StartIncident(ScenarioDefinition scenario, DateTimeOffset at, bool major, Commune? near)
    {
        var incident = _planner.Draw(scenario, at, major, near);
        Interlocked.Increment(ref _incidents);
        foreach (var draft in _planner.Plan(incident))
        {
            Schedule(draft.At, () => Publish(draft));
        }

        return incident.Commune;
    }

    private void Publish(FeedDraft draft)
    {
        _feed.Append(draft.Id, draft.ContentType, draft.Payload);
        if (_random.NextDouble() < _malformedShare)
        {
            var id = _planner.NextDistributionId(draft.Incident);
            var (payload, defect) = MalformedComposer.Spoil(draft, id, _random);
            // A truncated payload keeps its content type; the other defects are spoiled createCase JSON.
            var contentType = defect == MalformedComposer.Defects[0] ? draft.ContentType : IncidentPlanner.Json;
            _feed.Append(id, contentType, payload, SimulatedMessageKind.Malformed, defect);
        }
    }
}
