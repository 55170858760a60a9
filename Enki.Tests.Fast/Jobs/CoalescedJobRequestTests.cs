using Enki.Infrastructure.Jobs;

namespace Enki.Tests.Jobs;

public sealed class CoalescedJobRequestTests
{
    /// <summary>Runs as a shared job storage would know them: queued, then started by whichever node.</summary>
    private sealed class CountingRequest : CoalescedJobRequest
    {
        public List<string> Queued { get; } = [];

        public HashSet<string> StartedAnywhere { get; } = [];

        protected override string Enqueue()
        {
            Queued.Add($"run-{Queued.Count + 1}");
            return Queued[^1];
        }

        protected override bool IsWaiting(string id) => !StartedAnywhere.Contains(id);
    }

    [Fact]
    public void A_burst_queues_one_run_and_work_after_it_started_here_queues_another()
    {
        var request = new CountingRequest();

        for (var i = 0; i < 100; i++) request.Request();
        Assert.Single(request.Queued);

        request.Started();
        request.Request();
        Assert.Equal(2, request.Queued.Count);
    }

    [Fact]
    public void Work_arriving_once_another_node_started_the_queued_run_queues_a_new_one_at_once()
    {
        var request = new CountingRequest();
        request.Request();
        request.Request();
        Assert.Single(request.Queued);

        // The other node took run-1: this node is never told, the storage knows.
        request.StartedAnywhere.Add("run-1");
        request.Request();
        request.Request();

        Assert.Equal(["run-1", "run-2"], request.Queued);
    }

    [Fact]
    public void Requests_racing_from_many_threads_queue_one_run()
    {
        var request = new CountingRequest();

        Parallel.For(0, 1_000, _ => request.Request());

        Assert.Single(request.Queued);
    }
}
