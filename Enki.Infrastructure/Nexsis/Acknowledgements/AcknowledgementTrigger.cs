using Enki.Infrastructure.Jobs;
using Hangfire;

namespace Enki.Infrastructure.Nexsis.Acknowledgements;

/// <summary>Asks for a delivery of the owed acknowledgements as soon as a commit owes some.</summary>
public sealed class AcknowledgementTrigger(IBackgroundJobClient jobs) : CoalescedJobRequest
{
    protected override void Enqueue() => jobs.Enqueue<AcknowledgementDispatchJob>(job => job.RunAsync(CancellationToken.None));
}
