namespace Enki.Web.Components.Map;

/// <summary>
/// Coalesces reload requests: at most one reload per <c>interval</c>, and a request made during a
/// reload is never lost (it schedules the next one). Requests may come from any thread.
/// </summary>
internal sealed class ReloadThrottle(TimeSpan interval, TimeProvider clock, Func<Task> reload) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private bool _scheduled;

    /// <summary>Counts an initial load as a reload, so that a change right after it waits its turn.</summary>
    public void MarkLoaded()
    {
        lock (_gate) _last = clock.GetUtcNow();
    }

    public void Request()
    {
        lock (_gate)
        {
            if (_scheduled || _stop.IsCancellationRequested) return;
            _scheduled = true;
        }
        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            TimeSpan wait;
            lock (_gate) wait = _last == DateTimeOffset.MinValue ? TimeSpan.Zero : _last + interval - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, _stop.Token);
            lock (_gate)
            {
                _scheduled = false;
                _last = clock.GetUtcNow();
            }
            await reload();
        }
        catch (OperationCanceledException)
        {
            // Disposed while waiting: the screen is gone.
        }
    }

    // The source is only cancelled, never disposed: a run may still be reading its token.
    public void Dispose() => _stop.Cancel();
}
