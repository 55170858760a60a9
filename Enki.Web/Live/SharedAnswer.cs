namespace Enki.Web.Live;

/// <summary>
/// An answer computed once and shared by every asker until it is marked stale; the first asker after
/// that starts the next one, shared in turn. Computations run one after the other, each given the
/// previous answer, so versions come out in order; they never resume on an asker's circuit. A failed
/// one is not kept: the next asker tries again.
/// </summary>
internal sealed class SharedAnswer<T>(Func<T?, Task<T>> next) where T : class
{
    private readonly Lock _gate = new();
    private Task<T>? _current;
    private Task _latest = Task.CompletedTask;
    private T? _previous;

    public Task<T> GetAsync()
    {
        TaskCompletionSource<T> answer;
        Task before;
        lock (_gate)
        {
            if (_current is { IsFaulted: false, IsCanceled: false } current) return current;
            // Continuations queued rather than run by the computing thread: each asker continues on its own.
            answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            before = _latest;
            _current = answer.Task;
            _latest = answer.Task;
        }
        // Outside the lock: a publisher marking the answer stale never waits for a query to start.
        _ = ComputeAsync(before, answer);
        return answer.Task;
    }

    /// <summary>The next asker gets a new answer; those already waiting keep theirs.</summary>
    public void MarkStale()
    {
        lock (_gate) _current = null;
    }

    private async Task ComputeAsync(Task before, TaskCompletionSource<T> answer)
    {
        try
        {
            // Its own askers were told if it failed; this one only waits its turn.
            await before.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var value = await next(Volatile.Read(ref _previous)).ConfigureAwait(false);
            Volatile.Write(ref _previous, value);
            answer.SetResult(value);
        }
        catch (Exception ex)
        {
            answer.SetException(ex);
        }
    }
}
