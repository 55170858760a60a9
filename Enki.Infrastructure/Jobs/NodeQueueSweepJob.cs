using Hangfire;
using Hangfire.States;
using Hangfire.Storage;

namespace Enki.Infrastructure.Jobs;

/// <summary>
/// Empties the queues of nodes that are gone (<see cref="NodeJobQueue"/>): a node killed with a run
/// still queued leaves it where no server will ever read it. Those runs only asked for work that
/// the live nodes' runs have done since, so they are deleted rather than moved.
/// </summary>
public sealed class NodeQueueSweepJob(JobStorage storage)
{
    private readonly BackgroundJobClient _jobs = new(storage);

    public const string RecurringId = "files-des-noeuds-arretes";

    /// <summary>Leaves alone a queue whose oldest run is younger: its node may be starting and not yet announced.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    public Task RunAsync(CancellationToken cancellationToken) => SweepAsync(Grace, cancellationToken);

    /// <returns>How many runs were deleted.</returns>
    public Task<int> SweepAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var monitoring = storage.GetMonitoringApi();
        var read = monitoring.Servers().SelectMany(server => server.Queues).ToHashSet();
        var deleted = 0;
        using var connection = storage.GetConnection();
        foreach (var queue in monitoring.Queues().Where(q => q.Name.StartsWith(NodeJobQueue.Prefix, StringComparison.Ordinal) && !read.Contains(q.Name)))
        {
            var oldest = monitoring.EnqueuedJobs(queue.Name, 0, 1).FirstOrDefault().Value?.EnqueuedAt;
            if (oldest is null || oldest > DateTime.UtcNow - grace) continue;
            for (var i = 0; i < queue.Length && !cancellationToken.IsCancellationRequested; i++)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(TimeSpan.FromSeconds(1));
                IFetchedJob fetched;
                try
                {
                    fetched = connection.FetchNextJob([queue.Name], wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    break; // emptied meanwhile
                }
                using (fetched)
                {
                    _jobs.ChangeState(fetched.JobId, new DeletedState { Reason = "Nœud arrêté" });
                    fetched.RemoveFromQueue();
                    deleted++;
                }
            }
        }
        return Task.FromResult(deleted);
    }
}
