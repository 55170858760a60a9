using Hangfire;

namespace Enki.Infrastructure.Nexsis.Intake;

/// <summary>The Hangfire job that drains the inbox: batches until nothing is pending, then expires orphan updates.</summary>
public sealed class IntakeJob(INexsisIntake intake, IntakeTrigger trigger)
{
    public const string RecurringId = "nexsis-intake";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 5, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
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
