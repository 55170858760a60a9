using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Enki.Tests.Nexsis.Inbox;

/// <summary>
/// Sits on the database's commits: can hold the next one until released (so the pushes that come
/// meanwhile queue behind it and share the following commit), fail the next one as a full disk
/// would, and counts those that went through.
/// </summary>
internal sealed class CommitGate : DbTransactionInterceptor
{
    private readonly SemaphoreSlim _release = new(0);
    private int _holdNext;
    private int _failNext;
    private int _commits;

    public TaskCompletionSource Held { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Commits => Volatile.Read(ref _commits);

    public void HoldNext()
    {
        Held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _holdNext, 1);
    }

    public void FailNext() => Volatile.Write(ref _failNext, 1);

    public void Release() => _release.Release();

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _holdNext, 0) == 1)
        {
            Held.TrySetResult();
            await _release.WaitAsync(cancellationToken);
        }
        else if (Interlocked.Exchange(ref _failNext, 0) == 1)
        {
            throw new IOException("Disque plein (simulé) au commit.");
        }
        return result;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        return Task.CompletedTask;
    }
}
