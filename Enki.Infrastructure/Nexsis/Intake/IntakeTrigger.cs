using Hangfire;

namespace Enki.Infrastructure.Nexsis.Intake;

/// <summary>
/// Asks for an intake run as soon as a payload is stored, coalescing bursts: while a run is queued
/// and not yet started, further requests add nothing (that run will see their payloads).
/// </summary>
public sealed class IntakeTrigger(IBackgroundJobClient jobs)
{
    private int _queued;

    public void Request()
    {
        if (Interlocked.Exchange(ref _queued, 1) == 0)
        {
            jobs.Enqueue<IntakeJob>(job => job.RunAsync(CancellationToken.None));
        }
    }

    internal void Started() => Interlocked.Exchange(ref _queued, 0);
}
