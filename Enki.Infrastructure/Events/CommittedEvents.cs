namespace Enki.Infrastructure.Events;

/// <summary>
/// This node's news of its own commits: a unit of work that committed events rings it, and the
/// dispatcher's readers wake at once instead of at their next poll. Commits made elsewhere (another
/// node, a caller's own transaction) are found by the poll.
/// </summary>
public sealed class CommittedEvents
{
    private readonly Lock _gate = new();
    private List<TaskCompletionSource> _waiting = [];

    /// <summary>Completes at the next commit of events on this node.</summary>
    public Task NextAsync()
    {
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting.Add(next);
        }
        return next.Task;
    }

    public void Ring()
    {
        List<TaskCompletionSource> woken;
        lock (_gate)
        {
            if (_waiting.Count == 0) return;
            (woken, _waiting) = (_waiting, []);
        }
        foreach (var waiter in woken) waiter.TrySetResult();
    }
}
