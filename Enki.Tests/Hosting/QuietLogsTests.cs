using Enki.Infrastructure.Nexsis.Feed;
using Enki.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enki.Tests.Hosting;

/// <summary>The console log at its default level: nothing per feed poll (was 5 lines a second, 11.7k of 33k lines in 40 min).</summary>
[Collection(WebCollection.Name)]
public sealed class QuietLogsTests : IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("System.Net.Http.HttpClient.nexsis.LogicalHandler")]
    [InlineData("System.Net.Http.HttpClient.nexsis.ClientHandler")]
    [InlineData("Polly")]
    public void The_feed_polls_http_traffic_is_not_logged_at_information(string category)
    {
        var logger = _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void A_feed_run_ends_before_the_next_minutes_run_and_waits_rather_than_fails_when_one_overruns()
    {
        var start = new DateTimeOffset(2026, 12, 2, 3, 10, 12, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 3, 10, 57, TimeSpan.Zero), FeedPullJob.EndOfRun(start));
        // Started late in the minute (the run enqueued at start-up): it still ends before the next one.
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 3, 10, 57, TimeSpan.Zero), FeedPullJob.EndOfRun(start.AddSeconds(44)));

        // The last read may outlast the margin on a busy machine: the next run waits a whole minute for it.
        Assert.True(FeedPullJob.LockTimeout >= TimeSpan.FromSeconds(60), $"lock timeout {FeedPullJob.LockTimeout}");
    }
}
