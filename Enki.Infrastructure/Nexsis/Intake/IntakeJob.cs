using Enki.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Server;

namespace Enki.Infrastructure.Nexsis.Intake;

/// <summary>The Hangfire job that drains the inbox: batches until nothing is pending, then expires orphan updates.</summary>
public sealed class IntakeJob(INexsisIntake intake, IntakeTrigger trigger, JobLock jobLock)
{
    public const string RecurringId = "nexsis-intake";

    /// <summary>One intake at a time across the nodes (batches are read then applied): a later run waits for the current one.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Job parameter set once a run holds the lock: until then it still counts as waiting (<see cref="IntakeTrigger"/>).</summary>
    public const string StartedParameter = "intake-started";

    /// <param name="context">Given by Hangfire (null in the expression that queues the job).</param>
    [AutomaticRetry(Attempts = 5, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(PerformContext? context, CancellationToken cancellationToken)
    {
        await using var exclusive = await jobLock.AcquireAsync(RecurringId, LockTimeout, cancellationToken);
        trigger.Started();
        context?.SetJobParameter(StartedParameter, true);
        IntakeOutcome outcome;
        do
        {
            outcome = await intake.ProcessBatchAsync(cancellationToken);
        }
        while (outcome.Total > 0 && !cancellationToken.IsCancellationRequested);
        await intake.ExpireWaitingUpdatesAsync(cancellationToken);
    }
}
