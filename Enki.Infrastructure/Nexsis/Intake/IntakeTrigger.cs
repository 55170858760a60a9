using Enki.Infrastructure.Jobs;
using Hangfire;
using Hangfire.States;

namespace Enki.Infrastructure.Nexsis.Intake;

/// <summary>Asks for an intake run as soon as a payload is stored, in this node's own queue (<see cref="NodeJobQueue"/>).</summary>
public sealed class IntakeTrigger(IBackgroundJobClient jobs, NodeJobQueue queue, JobStorage? storage = null) : CoalescedJobRequest
{
    // Processing until it holds the intake lock: a run queued behind the current one is still to start.
    private static readonly string[] NotStarted = [EnqueuedState.StateName, ScheduledState.StateName, AwaitingState.StateName, ProcessingState.StateName];

    protected override string Enqueue() => jobs.Enqueue<IntakeJob>(queue.Name, job => job.RunAsync(null, CancellationToken.None));

    /// <summary>
    /// Read from the job storage every node shares. Without one (a test's recording client) the run
    /// counts as waiting until it starts here.
    /// </summary>
    protected override bool IsWaiting(string id)
    {
        if (storage is null) return true;
        using var connection = storage.GetConnection();
        return connection.GetStateData(id)?.Name is { } state && NotStarted.Contains(state)
            && connection.GetJobParameter(id, IntakeJob.StartedParameter) is null;
    }
}
