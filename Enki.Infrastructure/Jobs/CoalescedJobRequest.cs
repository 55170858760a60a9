namespace Enki.Infrastructure.Jobs;

/// <summary>
/// Asks for a run of one background job, coalescing bursts: while a run is queued and not yet
/// started, further requests add nothing (that run will see their work). With several nodes the run
/// may start on another node, which cannot tell this one: a queued run not seen starting here within
/// <see cref="StartedElsewhereAfter"/> is taken as started elsewhere, and the next request queues a new one.
/// </summary>
public abstract class CoalescedJobRequest(TimeProvider clock)
{
    public static readonly TimeSpan StartedElsewhereAfter = TimeSpan.FromSeconds(2);

    private long _queuedAt; // clock timestamp of the queued run; 0 when none

    public void Request()
    {
        var queuedAt = Interlocked.Read(ref _queuedAt);
        if (queuedAt != 0 && clock.GetElapsedTime(queuedAt) < StartedElsewhereAfter) return;
        if (Interlocked.CompareExchange(ref _queuedAt, Math.Max(1, clock.GetTimestamp()), queuedAt) == queuedAt)
        {
            Enqueue();
        }
    }

    /// <summary>Called by the job as it starts: work arriving from now on needs a new run.</summary>
    public void Started() => Interlocked.Exchange(ref _queuedAt, 0);

    protected abstract void Enqueue();
}
