using Enki.Domain.Indicators;

namespace Enki.Tests.Indicators;

public sealed class ProgressTimelineTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(int hour, int minute) => Noon.Date.AddHours(hour).AddMinutes(minute);

    [Fact]
    public void A_case_never_closed_starts_at_its_opening()
    {
        var timeline = ProgressTimeline.Of(At(10, 0), []);

        Assert.Equal([new ProgressStep(At(10, 0), 1)], timeline.Steps);
        Assert.Null(timeline.FinalClosing);
    }

    [Fact]
    public void A_case_completed_then_resumed_then_completed_steps_four_times_and_is_finally_closed_at_its_last_closing()
    {
        var timeline = ProgressTimeline.Of(At(12, 0),
            [new StatusReport(1, At(13, 10), Closes: true), new StatusReport(2, At(15, 0), Closes: false), new StatusReport(3, At(17, 30), Closes: true)]);

        Assert.Equal([new ProgressStep(At(12, 0), 1), new ProgressStep(At(13, 10), -1), new ProgressStep(At(15, 0), 1), new ProgressStep(At(17, 30), -1)],
            timeline.Steps);
        Assert.Equal(At(17, 30), timeline.FinalClosing);
    }

    [Fact]
    public void A_case_resumed_and_still_under_way_is_not_closed()
    {
        var timeline = ProgressTimeline.Of(At(12, 0), [new StatusReport(1, At(13, 0), Closes: true), new StatusReport(2, At(14, 0), Closes: false)]);

        Assert.Equal([1, -1, 1], timeline.Steps.Select(s => s.Change));
        Assert.Null(timeline.FinalClosing);
    }

    [Fact]
    public void A_closing_dated_before_the_opening_by_a_skewed_sender_is_never_in_progress_but_is_closed()
    {
        var timeline = ProgressTimeline.Of(At(10, 0), [new StatusReport(1, At(9, 58), Closes: true)]);

        Assert.Empty(timeline.Steps);
        Assert.Equal(At(9, 58), timeline.FinalClosing);
    }

    [Fact]
    public void A_late_resumption_dated_before_the_closing_wins_from_its_own_time_on_as_Enki_applied_it_last()
    {
        // Enki applied the closing (11:00) first, then a resumption dated 10:30 that arrived late.
        var timeline = ProgressTimeline.Of(At(10, 0), [new StatusReport(1, At(11, 0), Closes: true), new StatusReport(2, At(10, 30), Closes: false)]);

        // Known at 10:45: the resumption alone; after 11:00: both, the resumption applied last. Never closed.
        Assert.Equal([new ProgressStep(At(10, 0), 1)], timeline.Steps);
        Assert.Null(timeline.FinalClosing);
    }

    [Fact]
    public void Reports_sharing_a_time_are_read_in_Enkis_order()
    {
        var closedLast = ProgressTimeline.Of(At(10, 0), [new StatusReport(7, At(11, 0), Closes: false), new StatusReport(8, At(11, 0), Closes: true)]);
        var resumedLast = ProgressTimeline.Of(At(10, 0), [new StatusReport(8, At(11, 0), Closes: false), new StatusReport(7, At(11, 0), Closes: true)]);

        Assert.Equal([1, -1], closedLast.Steps.Select(s => s.Change));
        Assert.Equal([1], resumedLast.Steps.Select(s => s.Change));
    }
}
