namespace Enki.Infrastructure.Events;

/// <summary>The commit bell of a single node: its own commits wake its readers; others' are found by the poll.</summary>
public sealed class InProcessCommitBell : ICommitBell
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
