using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Nexsis.Feed;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Nexsis.Feed;

/// <summary>The pull channel over real HTTP: an outage shows as stale data, and the catch-up loses and doubles nothing.</summary>
[Collection(GeographyCollection.Name)]
public sealed class FeedOutageTests(GeographyFixture geography) : IAsyncLifetime
{
    private readonly TestFeedServer _platform = new();
    private IntakeHarness _intake = null!;

    public async Task InitializeAsync()
    {
        await _platform.StartAsync();
        _intake = new IntakeHarness(geography.Geography, services =>
            services.PostConfigure<NexsisOptions>(o =>
            {
                o.FeedUrl = _platform.Feed.ToString();
                o.StaleAfter = TimeSpan.FromSeconds(3);
            }), realClock: true);
        await _intake.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _intake.DisposeAsync();
        await _platform.DisposeAsync();
    }

    private void Publish(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            _platform.Add($"m{i}", CreateCase($"fr.fire.sis077.cga-077.SC-FEED-{i:000}"));
        }
    }

    [Fact]
    public async Task Feed_down_then_up_shows_stale_data_then_catches_up_with_nothing_lost_or_doubled()
    {
        var puller = _intake.Services.GetRequiredService<FeedPuller>();
        var status = _intake.Services.GetRequiredService<NexsisSyncStatus>();
        Publish(0, 5);

        Assert.Equal(5, await puller.PullAsync(CancellationToken.None));
        Assert.Null((await status.ReadAsync()).StaleSince);
        var lastGood = await _intake.QueryAsync(db => db.NexsisSync.Select(s => s.LastSuccessAt).SingleAsync());

        // NexSIS becomes unreachable while it keeps producing.
        _platform.Available = false;
        Publish(5, 12);
        Assert.Equal(0, await puller.PullAsync(CancellationToken.None));
        // Stale once StaleAfter has passed since the last good read, on the real clock the resilience pipeline needs.
        var stale = await status.ReadAsync();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); stale.StaleSince is null && DateTime.UtcNow < deadline; stale = await status.ReadAsync())
        {
            await Task.Delay(100);
        }
        Assert.True(_platform.Requests > 2, "the resilience pipeline retries before giving up");
        Assert.Equal(lastGood, stale.StaleSince);
        Assert.NotNull(stale.LastError);

        // Back: everything published during the outage arrives once.
        _platform.Available = true;
        Assert.Equal(7, await puller.PullAsync(CancellationToken.None));
        Assert.Equal(0, await puller.PullAsync(CancellationToken.None));
        await _intake.DrainAsync();

        Assert.Null((await status.ReadAsync()).StaleSince);
        Assert.Equal(12, await _intake.QueryAsync(db => db.Incidents.CountAsync()));
        Assert.Equal(12, await _intake.QueryAsync(db => db.NexsisInbox.CountAsync(m => m.State == InboxState.Processed)));
        Assert.Equal("12", await _intake.QueryAsync(db => db.NexsisSync.Select(s => s.Cursor).SingleAsync()));
    }

    [Fact]
    public async Task A_page_read_twice_after_a_crash_before_the_cursor_moved_is_stored_once()
    {
        var puller = _intake.Services.GetRequiredService<FeedPuller>();
        Publish(0, 3);
        await puller.PullAsync(CancellationToken.None);

        // The cursor was lost (crash before it was saved): the same messages are read again.
        await _intake.QueryAsync(db => db.NexsisSync.ExecuteUpdateAsync(s => s.SetProperty(x => x.Cursor, (string?)null)));
        Assert.Equal(3, await puller.PullAsync(CancellationToken.None));

        Assert.Equal(3, await _intake.QueryAsync(db => db.NexsisInbox.CountAsync()));
    }
}
