using Enki.Infrastructure.Jobs;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.Nexsis.Feed;

/// <summary>
/// Hangfire's recurring jobs tick once a minute, NexSIS data must arrive within seconds: each run
/// polls the feed at <see cref="NexsisOptions.PollInterval"/> until just before the next minute's run.
/// </summary>
public sealed class FeedPullJob(FeedPuller puller, IOptions<NexsisOptions> options, TimeProvider clock, JobLock jobLock)
{
    public const string RecurringId = "nexsis-feed";

    /// <summary>How long a run waits for the one before it (a whole minute: see below).</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A run stops this long before the next minute, leaving its last read time to finish.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);

    // A run may still be finishing its last read when the next one starts (a busy machine, the run
    // enqueued at start-up): the next one waits for it rather than failing (it used to fail after 5 s,
    // one failed job a minute under load). The lock is freed at once when its node dies (JobLock).
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var exclusive = await jobLock.AcquireAsync(RecurringId, LockTimeout, cancellationToken);
        var end = EndOfRun(clock.GetUtcNow());
        do
        {
            await puller.PullAsync(cancellationToken);
            if (clock.GetUtcNow() >= end) break;
            await Task.Delay(options.Value.PollInterval, clock, cancellationToken);
        }
        while (!cancellationToken.IsCancellationRequested && clock.GetUtcNow() < end);
    }

    /// <summary>When a run started at <paramref name="start"/> stops: just before the next whole minute, when the recurring run takes over.</summary>
    public static DateTimeOffset EndOfRun(DateTimeOffset start)
    {
        var minute = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, start.Offset);
        return minute.AddMinutes(1) - Margin;
    }
}
