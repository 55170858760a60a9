using Enki.Infrastructure.Jobs;
using Hangfire;
using Hangfire.States;

namespace Enki.Infrastructure.Nexsis.Intake;

/// <summary>Asks for an intake run as soon as a payload is stored.</summary>
public sealed class IntakeTrigger(IBackgroundJobClient jobs, JobStorage? storage = null) : CoalescedJobRequest
{
    private static readonly string[] NotStarted = [EnqueuedState.StateName, ScheduledState.StateName, AwaitingState.StateName];

    protected override string Enqueue() => jobs.Enqueue<IntakeJob>(job => job.RunAsync(CancellationToken.None));

    /// <summary>
    /// Read from the job storage every node shares. Without one (a test's recording client) the run
    /// counts as waiting until it starts here.
    /// </summary>
    protected override bool IsWaiting(string id)
    {
        if (storage is null) return true;
        using var connection = storage.GetConnection();
        return connection.GetStateData(id)?.Name is { } state && NotStarted.Contains(state);
    }
}
