using Enki.Infrastructure.Jobs;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.History.Backfill;

/// <summary>The one-off rebuilding of history from before the stream (<see cref="IHistoryBackfill"/>), enqueued at start-up.</summary>
public sealed class HistoryBackfillJob(IHistoryBackfill backfill, JobLock jobLock, ILogger<HistoryBackfillJob> logger)
{
    public const string LockName = "passe-reprise-inbox";

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var exclusive = await jobLock.AcquireAsync(LockName, TimeSpan.FromMinutes(1), cancellationToken);
        var rebuilt = await backfill.RunAsync(cancellationToken);
        if (rebuilt > 0) logger.LogInformation("History before the stream: {Count} incident(s) rebuilt from the NexSIS inbox", rebuilt);
    }
}
