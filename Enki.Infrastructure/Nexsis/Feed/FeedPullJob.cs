using Hangfire;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.Nexsis.Feed;

/// <summary>
/// Hangfire's recurring jobs tick once a minute, NexSIS data must arrive within seconds: each run
/// polls the feed at <see cref="NexsisOptions.PollInterval"/> for just under a minute.
/// </summary>
public sealed class FeedPullJob(FeedPuller puller, IOptions<NexsisOptions> options, TimeProvider clock)
{
    public const string RecurringId = "nexsis-feed";

    private static readonly TimeSpan RunLength = TimeSpan.FromSeconds(55);

    [DisableConcurrentExecution(timeoutInSeconds: 5)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var end = clock.GetUtcNow() + RunLength;
        while (!cancellationToken.IsCancellationRequested && clock.GetUtcNow() < end)
        {
            await puller.PullAsync(cancellationToken);
            await Task.Delay(options.Value.PollInterval, clock, cancellationToken);
        }
    }
}
