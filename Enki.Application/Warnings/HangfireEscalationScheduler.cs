using Enki.Infrastructure.Warnings;
using Hangfire;

namespace Enki.Application.Warnings;

/// <summary>One delayed Hangfire job per escalation step, at its due time (retried by Hangfire; the minute job catches any lost).</summary>
public sealed class HangfireEscalationScheduler(IBackgroundJobClient jobs) : IEscalationScheduler
{
    public void Schedule(Guid warningId, DateTimeOffset due) =>
        jobs.Schedule<WarningEscalationJob>(job => job.EscalateAsync(warningId, CancellationToken.None), due);
}
