using Hangfire;

namespace Enki.Infrastructure.Nexsis.Intake;

/// <summary>The Hangfire job that drains the inbox: batches until nothing is pending, then expires orphan updates.</summary>
public sealed class IntakeJob(IntakeProcessor processor, IntakeTrigger trigger)
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
            outcome = await processor.ProcessBatchAsync(cancellationToken);
        }
        while (outcome.Total > 0 && !cancellationToken.IsCancellationRequested);
        await processor.ExpireWaitingUpdatesAsync(cancellationToken);
    }
}
