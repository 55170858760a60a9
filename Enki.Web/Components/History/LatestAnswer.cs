namespace Enki.Web.Components.History;

/// <summary>
/// One query per instant asked for, the latest winning: scrubbing fast, a query still running for an
/// earlier instant is cancelled and its answer dropped, so renders never queue behind stale ones.
/// </summary>
public sealed class LatestAnswer : IDisposable
{
    private CancellationTokenSource? _running;

    /// <summary>Runs <paramref name="query"/> and hands its answer to <paramref name="show"/> unless a later one was asked for meanwhile.</summary>
    public async Task RunAsync<T>(Func<CancellationToken, Task<T>> query, Action<T> show)
    {
        _running?.Cancel();
        var running = _running = new CancellationTokenSource();
        try
        {
            var answer = await query(running.Token);
            if (!running.IsCancellationRequested) show(answer);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            // A later instant was asked for: its answer is the one shown.
        }
    }

    public void Dispose() => _running?.Cancel();
}
