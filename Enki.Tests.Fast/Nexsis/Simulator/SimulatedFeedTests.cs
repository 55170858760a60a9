using Enki.Simulator;

namespace Enki.Tests.Nexsis.Simulator;

public sealed class SimulatedFeedTests
{
    private static SimulatedFeed Filled(int count, int capacity = SimulatedFeed.DefaultCapacity)
    {
        var feed = new SimulatedFeed(capacity, "run1");
        for (var i = 1; i <= count; i++)
        {
            feed.Append($"m{i}", "application/json", $"{{\"n\":{i}}}");
        }

        return feed;
    }

    private static FeedPage Page(FeedReadResult result) => Assert.IsType<FeedPage>(result);

    [Fact]
    public void Resuming_from_a_cursor_returns_every_later_message_once_in_order()
    {
        var feed = Filled(1500);
        var seen = new List<string>();

        var cursor = (string?)null;
        for (var round = 0; round < 10; round++)
        {
            var page = Page(feed.Read(cursor, 400));
            seen.AddRange(page.Messages.Select(m => m.Id));
            cursor = page.Cursor;
            // Messages keep arriving while the client reads.
            feed.Append($"m{1500 + round + 1}", "application/json", "{}");
        }

        var rest = Page(feed.Read(cursor, 1000));
        seen.AddRange(rest.Messages.Select(m => m.Id));

        Assert.Equal(Enumerable.Range(1, 1510).Select(i => $"m{i}"), seen);
    }

    [Fact]
    public void Nothing_new_gives_the_same_cursor_and_an_empty_list()
    {
        var feed = Filled(3);
        var page = Page(feed.Read(null, 10));

        var again = Page(feed.Read(page.Cursor, 10));

        Assert.Equal(page.Cursor, again.Cursor);
        Assert.Empty(again.Messages);
        var empty = Page(new SimulatedFeed(run: "r").Read("", 10));
        Assert.Empty(empty.Messages);
        Assert.Equal(empty.Cursor, Page(new SimulatedFeed(run: "r").Read(empty.Cursor, 10)).Cursor);
    }

    [Fact]
    public void The_limit_is_honoured_and_capped_at_1000()
    {
        var feed = Filled(2500);

        Assert.Equal(7, Page(feed.Read(null, 7)).Messages.Count);
        Assert.Equal(SimulatedFeed.MaxLimit, Page(feed.Read(null, 5000)).Messages.Count);
        Assert.Equal(SimulatedFeed.DefaultLimit, Page(feed.Read(null)).Messages.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => feed.Read(null, 0));
    }

    [Fact]
    public void A_cursor_older_than_what_is_retained_or_from_another_run_is_gone()
    {
        var feed = Filled(250, capacity: 100);
        var first = Page(feed.Read(null, 1000));

        Assert.Equal("m151", first.Messages[0].Id);
        Assert.Equal(100, first.Messages.Count);
        Assert.IsType<FeedCursorGone>(feed.Read("run1.10"));
        Assert.IsType<FeedPage>(feed.Read("run1.150"));
        Assert.IsType<FeedCursorGone>(feed.Read("run0.200"));
        Assert.IsType<FeedCursorInvalid>(feed.Read("run1.999"));
        Assert.IsType<FeedCursorInvalid>(feed.Read("n'importe quoi"));
    }

    [Fact]
    public void The_feed_retains_at_least_200000_messages_by_default()
    {
        Assert.True(new SimulatedFeed().Capacity >= 200_000);
    }

    [Fact]
    public void Acknowledgements_keep_a_count_and_the_last_1000_ids()
    {
        var acknowledgements = new SimulatorAcknowledgements();

        for (var i = 1; i <= 1200; i++)
        {
            acknowledgements.Record($"d{i}");
        }

        Assert.Equal(1200, acknowledgements.Count);
        Assert.Equal(1000, acknowledgements.Recent.Count);
        Assert.Equal("d201", acknowledgements.Recent[0]);
        Assert.Equal("d1200", acknowledgements.Recent[^1]);
    }
}
