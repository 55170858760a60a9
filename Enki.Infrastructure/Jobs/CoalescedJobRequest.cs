namespace Enki.Infrastructure.Jobs;

/// <summary>
/// Asks for a run of one background job, coalescing bursts: while a run is queued and not yet
/// started, further requests add nothing (that run will see their work).
/// </summary>
public abstract class CoalescedJobRequest
{
    private int _queued;

    public void Request()
    {
        if (Interlocked.Exchange(ref _queued, 1) == 0)
        {
            Enqueue();
        }
    }

    /// <summary>Called by the job as it starts: work arriving from now on needs a new run.</summary>
    public void Started() => Interlocked.Exchange(ref _queued, 0);

    protected abstract void Enqueue();
}
