namespace Enki.Infrastructure.Events;

/// <summary>The commit bell of a single node: its own commits wake its readers; others' are found by the poll.</summary>
public sealed class InProcessCommitBell : ICommitBell
{
    // One shared wait for every reader, replaced at each ring: waiting costs nothing while nothing commits.
    private TaskCompletionSource _next = NewWait();

    public Task NextAsync() => Volatile.Read(ref _next).Task;

    public void Ring() => Interlocked.Exchange(ref _next, NewWait()).TrySetResult();

    private static TaskCompletionSource NewWait() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
