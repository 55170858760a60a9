using Enki.Infrastructure.Jobs;
using Hangfire;

namespace Enki.Infrastructure.Nexsis.Intake;

/// <summary>The Hangfire job that drains the inbox: batches until nothing is pending, then expires orphan updates.</summary>
public sealed class IntakeJob(INexsisIntake intake, IntakeTrigger trigger, JobLock jobLock)
{
    public const string RecurringId = "nexsis-intake";

    /// <summary>One intake at a time across the nodes (batches are read then applied): a later run waits for the current one.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    [AutomaticRetry(Attempts = 5, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var exclusive = await jobLock.AcquireAsync(RecurringId, LockTimeout, cancellationToken);
        trigger.Started();
        IntakeOutcome outcome;
        do
        {
            outcome = await intake.ProcessBatchAsync(cancellationToken);
        }
        while (outcome.Total > 0 && !cancellationToken.IsCancellationRequested);
        await intake.ExpireWaitingUpdatesAsync(cancellationToken);
    }
}
