using System.Collections.Concurrent;
using Enki.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Enki.Tests.Live;

/// <summary>The live path's one coalescing rule, on a fake clock: times are those the runs saw.</summary>
public sealed class CoalescerTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>Fake time moves on by this much at a time while a test waits for a run.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly BlockingCollection<DateTimeOffset> _runs = [];
    private readonly Coalescer _coalescer;
    private Func<Task> _during = () => Task.CompletedTask;

    public CoalescerTests() => _coalescer = new Coalescer(Window, _clock, async () =>
    {
        _runs.Add(_clock.GetUtcNow());
        await _during();
    }, NullLogger.Instance, "a test run");

    public void Dispose() => _coalescer.Dispose();

    /// <summary>
    /// Moves fake time on step by step, for at most <paramref name="span"/>, until a run comes; then, if
    /// none came yet, waits (real time, fake time still) for one the last steps made due: on a busy
    /// machine the run may start a while after its timer fired. Null if none came.
    /// </summary>
    private DateTimeOffset? RunWithin(TimeSpan span)
    {
        for (var moved = TimeSpan.Zero; moved <= span; moved += Step)
        {
            if (_runs.TryTake(out var at, TimeSpan.FromMilliseconds(20))) return at;
            _clock.Advance(Step);
        }
        return _runs.TryTake(out var late, TimeSpan.FromSeconds(3)) ? late : null;
    }

    /// <summary>A run that should come at once (no time to move on).</summary>
    private DateTimeOffset RunNow() =>
        _runs.TryTake(out var at, TimeSpan.FromSeconds(5)) ? at : throw new TimeoutException("no run came");

    /// <summary>It came, and not before it was due (how soon after depends on how busy the machine is: fake time moves on meanwhile).</summary>
    private static void AssertDue(DateTimeOffset due, DateTimeOffset? actual) =>
        Assert.True(Assert.NotNull(actual) >= due, $"ran at {actual:HH:mm:ss.fff}, due at {due:HH:mm:ss.fff}");

    [Fact]
    public void The_first_request_after_a_quiet_spell_runs_at_once()
    {
        var start = _clock.GetUtcNow();

        _coalescer.Request();

        Assert.Equal(start, RunNow());
    }

    [Fact]
    public void Requests_within_the_window_fold_into_one_run_once_it_has_passed()
    {
        var start = _clock.GetUtcNow();
        _coalescer.Request();
        Assert.Equal(start, RunNow());

        _coalescer.Request();
        _coalescer.Request();
        _coalescer.Request();

        AssertDue(start + Window, RunWithin(2 * Window));
        Assert.Null(RunWithin(2 * Window));
    }

    [Fact]
    public void A_request_during_a_run_makes_one_more_run_a_window_after_it_ended()
    {
        var start = _clock.GetUtcNow();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _during = () => release.Task;
        _coalescer.Request();
        Assert.Equal(start, RunNow());

        _coalescer.Request();
        _coalescer.Request();
        _clock.Advance(TimeSpan.FromSeconds(3)); // a slow run: the window counts from its end
        _during = () => Task.CompletedTask;
        release.SetResult();

        AssertDue(start + TimeSpan.FromSeconds(3) + Window, RunWithin(2 * Window));
        Assert.Null(RunWithin(2 * Window));
    }

    [Fact]
    public void A_run_made_elsewhere_counts_as_one_of_its_own()
    {
        _coalescer.MarkRan();
        var loaded = _clock.GetUtcNow();

        _coalescer.Request();

        AssertDue(loaded + Window, RunWithin(2 * Window));
    }

    [Fact]
    public void Once_disposed_it_runs_nothing_more()
    {
        _coalescer.Request();
        RunNow();
        _coalescer.Request();

        _coalescer.Dispose();

        Assert.Null(RunWithin(2 * Window));
    }
}
