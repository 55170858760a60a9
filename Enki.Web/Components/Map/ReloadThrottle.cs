namespace Enki.Web.Components.Map;

/// <summary>
/// Coalesces reload requests: at most one reload per <c>interval</c>, one at a time, and a request made
/// during a reload is never lost (it schedules the next one once this one is done). Requests may come
/// from any thread.
/// </summary>
/// <remarks>
/// One at a time: a browser that stops answering (a closed tab, a phone asleep) used to collect a
/// reload a second, each waiting for the JavaScript call's timeout, then all cancelled together.
/// </remarks>
internal sealed class ReloadThrottle(TimeSpan interval, TimeProvider clock, Func<Task> reload) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private bool _scheduled;
    private bool _again;

    /// <summary>Counts an initial load as a reload, so that a change right after it waits its turn.</summary>
    public void MarkLoaded()
    {
        lock (_gate) _last = clock.GetUtcNow();
    }

    public void Request()
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested) return;
            if (_scheduled)
            {
                _again = true;
                return;
            }
            _scheduled = true;
        }
        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            bool again;
            do
            {
                TimeSpan wait;
                lock (_gate) wait = _last == DateTimeOffset.MinValue ? TimeSpan.Zero : _last + interval - clock.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, _stop.Token);
                lock (_gate)
                {
                    // Requests until now are in this reload; those during it need another.
                    _again = false;
                    _last = clock.GetUtcNow();
                }
                await reload();
                lock (_gate)
                {
                    again = _again && !_stop.IsCancellationRequested;
                    // Cleared under the same lock as the decision: a request right after starts a new run.
                    if (!again) _scheduled = false;
                }
            }
            while (again);
        }
        catch (Exception ex)
        {
            // Disposed while waiting (the screen is gone), or the reload failed: a later request starts afresh.
            lock (_gate) _scheduled = false;
            if (ex is not OperationCanceledException) throw;
        }
    }

    // The source is only cancelled, never disposed: a run may still be reading its token.
    public void Dispose() => _stop.Cancel();
}
