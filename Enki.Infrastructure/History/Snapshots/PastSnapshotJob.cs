using Enki.Infrastructure.Jobs;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.History.Snapshots;

/// <summary>The recurring job of the past's snapshots (<see cref="PastSnapshotTaker"/>), one run at a time across the nodes.</summary>
public sealed class PastSnapshotJob(PastSnapshotTaker taker, JobLock jobLock, ILogger<PastSnapshotJob> logger)
{
    public const string RecurringId = "passe-instantanes";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        IAsyncDisposable exclusive;
        try
        {
            exclusive = await jobLock.AcquireAsync(RecurringId, TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (TimeoutException)
        {
            return; // a run catching up a long history is still at it
        }
        await using var held = exclusive;
        var taken = await taker.RunAsync(cancellationToken);
        if (taken > 0) logger.LogInformation("Past snapshots: {Count} taken", taken);
    }
}
