using Enki.Infrastructure.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace Enki.Tests.Jobs;

public sealed class CoalescedJobRequestTests
{
    private sealed class CountingRequest(TimeProvider clock) : CoalescedJobRequest(clock)
    {
        public int Queued { get; private set; }

        protected override void Enqueue() => Queued++;
    }

    [Fact]
    public void A_burst_queues_one_run_and_work_after_it_started_queues_another()
    {
        var request = new CountingRequest(new FakeTimeProvider());

        for (var i = 0; i < 100; i++) request.Request();
        Assert.Equal(1, request.Queued);

        request.Started();
        request.Request();
        Assert.Equal(2, request.Queued);
    }

    [Fact]
    public void A_run_this_node_never_sees_start_was_taken_by_another_node_and_the_next_request_queues_again()
    {
        var clock = new FakeTimeProvider();
        var request = new CountingRequest(clock);
        request.Request();

        clock.Advance(CoalescedJobRequest.StartedElsewhereAfter - TimeSpan.FromMilliseconds(1));
        request.Request();
        Assert.Equal(1, request.Queued);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        request.Request();
        Assert.Equal(2, request.Queued);
    }
}
