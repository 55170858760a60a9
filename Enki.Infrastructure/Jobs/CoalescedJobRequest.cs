namespace Enki.Infrastructure.Jobs;

/// <summary>
/// Asks for a run of one background job, coalescing bursts: while a run is queued and not yet
/// started, further requests add nothing (that run will see their work). With several nodes the run
/// may start on another node, which cannot tell this one: so a request that finds a run queued asks
/// the shared job storage whether it is still waiting, and queues a new one once it has started.
/// (A timer guessing « started elsewhere after 2 s » dropped pushes made within those 2 s of a run
/// taken by the other node: they waited up to a minute for the recurring run.)
/// </summary>
public abstract class CoalescedJobRequest
{
    // Held while this node is queuing a run, so that concurrent requests do not queue one each.
    private const string Queuing = "";

    private string? _queued; // id of the queued run not yet seen starting here; null when none

    public void Request()
    {
        var queued = Volatile.Read(ref _queued);
        if (queued is not null && (queued == Queuing || IsWaiting(queued))) return;
        if (Interlocked.CompareExchange(ref _queued, Queuing, queued) != queued) return; // another request is queuing one
        string? id = null;
        try
        {
            id = Enqueue();
        }
        finally
        {
            Interlocked.CompareExchange(ref _queued, id, Queuing);
        }
    }

    /// <summary>Called by the job as it starts on this node: work arriving from now on needs a new run.</summary>
    public void Started() => Volatile.Write(ref _queued, null);

    /// <summary>Queues a run; returns its id.</summary>
    protected abstract string Enqueue();

    /// <summary>Whether the queued run has yet to start (on any node).</summary>
    protected abstract bool IsWaiting(string id);
}
