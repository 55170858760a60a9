using Enki.Infrastructure.Jobs;
using Hangfire;

namespace Enki.Infrastructure.Nexsis.Intake;

/// <summary>Asks for an intake run as soon as a payload is stored.</summary>
public sealed class IntakeTrigger(IBackgroundJobClient jobs, TimeProvider clock) : CoalescedJobRequest(clock)
{
    protected override void Enqueue() => jobs.Enqueue<IntakeJob>(job => job.RunAsync(CancellationToken.None));
}
