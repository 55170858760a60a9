using Enki.Infrastructure.Live;

namespace Enki.Web.Live;

/// <summary>
/// The one coalescing rule of the live path: runs its action at most once per window, one run at a
/// time, never on the caller's thread. The first request after a quiet spell runs at once (a crisis
/// room sees it now); requests during the window or during a run are folded into one more run when
/// the window has passed since the previous run ended. Requests may come from any thread.
/// Used by a territory's figures (<see cref="LiveTerritories.Coalesce"/>), the incident list and
/// each map's reloads (one second).
/// </summary>
/// <remarks>
/// One at a time: a browser that stops answering (a closed tab, a phone asleep) used to collect a
/// reload a second, each waiting for the JavaScript call's timeout, then all cancelled together.
/// </remarks>
public sealed class Coalescer(TimeSpan window, TimeProvider clock, Func<Task> run, ILogger logger, string what) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private DateTimeOffset _ended = DateTimeOffset.MinValue;
    private bool _running;
    private bool _again;

    /// <summary>Counts a run made elsewhere (a first load) as this one's, so that a request right after waits its turn.</summary>
    public void MarkRan()
    {
        lock (_gate) _ended = clock.GetUtcNow();
    }

    public void Request()
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested) return;
            if (_running)
            {
                _again = true;
                return;
            }
            _running = true;
        }
        // On the pool: callers are publishers (intake, writers) and renderers, never held up by a run.
        _ = Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate) wait = _ended == DateTimeOffset.MinValue ? TimeSpan.Zero : _ended + window - clock.GetUtcNow();
            try
            {
                if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, _stop.Token);
                // Disposed before this run began: a pool slow to start it, its window already past, must not run it after all.
                _stop.Token.ThrowIfCancellationRequested();
                // Requests until now are in this run; those during it need another.
                lock (_gate) _again = false;
                await run();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Disposed (the screen or the territory is gone): nothing more to run.
            }
            catch (Exception ex)
            {
                ScreenDelivery.Failed(logger, ex, what);
            }
            lock (_gate)
            {
                _ended = clock.GetUtcNow();
                // Cleared under the same lock as the decision: a request right after starts a new run.
                if (!_again || _stop.IsCancellationRequested)
                {
                    _running = false;
                    return;
                }
            }
        }
    }

    // The source is only cancelled, never disposed: a run may still be reading its token.
    public void Dispose() => _stop.Cancel();
}
