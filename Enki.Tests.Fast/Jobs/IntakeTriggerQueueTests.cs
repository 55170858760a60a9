using Enki.Infrastructure.Jobs;
using Enki.Infrastructure.Nexsis.Intake;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.States;

namespace Enki.Tests.Jobs;

/// <summary>
/// A run asked for by a node waits in that node's own queue: another node's server cannot fetch it
/// (and then die with it, leaving this node believing it still to come).
/// </summary>
public sealed class IntakeTriggerQueueTests
{
    [Fact]
    public void A_nodes_intake_run_is_fetched_by_that_node_only()
    {
        using var storage = new InMemoryStorage();
        var here = new NodeJobQueue();
        var elsewhere = new NodeJobQueue();
        Assert.NotEqual(here.Name, elsewhere.Name);
        var trigger = new IntakeTrigger(new BackgroundJobClient(storage), here, storage);

        trigger.Request();
        trigger.Request(); // coalesced: the first run has not started

        var monitoring = storage.GetMonitoringApi();
        var queued = Assert.Single(monitoring.EnqueuedJobs(here.Name, 0, 10));
        Assert.Equal(0, monitoring.EnqueuedCount(EnqueuedState.DefaultQueue));
        using var connection = storage.GetConnection();
        // The other node's server reads its own queue and the shared one: nothing for it there.
        using (var nothing = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            Assert.ThrowsAny<OperationCanceledException>(() => connection.FetchNextJob([elsewhere.Name, EnqueuedState.DefaultQueue], nothing.Token));
        }
        using var fetched = connection.FetchNextJob([here.Name, EnqueuedState.DefaultQueue], CancellationToken.None);
        Assert.Equal(queued.Key, fetched.JobId);
    }

    [Fact]
    public void Queue_names_are_what_Hangfire_accepts()
    {
        var name = new NodeJobQueue().Name;
        Assert.StartsWith(NodeJobQueue.Prefix, name);
        Assert.Matches("^[a-z0-9_-]+$", name);
        _ = new EnqueuedState(name); // throws on a name Hangfire refuses
    }

    [Fact]
    public async Task The_sweep_deletes_the_runs_left_in_a_stopped_nodes_queue_and_leaves_live_ones()
    {
        using var storage = new InMemoryStorage();
        var live = new NodeJobQueue();
        var stopped = new NodeJobQueue();
        using (var connection = storage.GetConnection())
        {
            connection.AnnounceServer("noeud-vivant", new Hangfire.Server.ServerContext { Queues = [live.Name, EnqueuedState.DefaultQueue], WorkerCount = 1 });
        }
        new IntakeTrigger(new BackgroundJobClient(storage), live, storage).Request();
        new IntakeTrigger(new BackgroundJobClient(storage), stopped, storage).Request();
        var client = new BackgroundJobClient(storage);
        client.Enqueue<NodeQueueSweepJob>(stopped.Name, job => job.RunAsync(CancellationToken.None)); // a second one left there
        var monitoring = storage.GetMonitoringApi();
        var left = monitoring.EnqueuedJobs(stopped.Name, 0, 10).Select(j => j.Key).ToList();

        var sweep = new NodeQueueSweepJob(storage);
        Assert.Equal(0, await sweep.SweepAsync(TimeSpan.FromHours(1), CancellationToken.None)); // too young: its node may be starting
        Assert.Equal(2, await sweep.SweepAsync(TimeSpan.Zero, CancellationToken.None));

        Assert.Equal(0, monitoring.EnqueuedCount(stopped.Name));
        Assert.All(left, id => Assert.Equal(DeletedState.StateName, monitoring.JobDetails(id).History[0].StateName));
        Assert.Equal(1, monitoring.EnqueuedCount(live.Name));
    }
}
