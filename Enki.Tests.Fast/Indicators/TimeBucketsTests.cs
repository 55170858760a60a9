using Enki.Domain.Geography;
using Enki.Domain.Indicators;

namespace Enki.Tests.Indicators;

/// <summary>Hours and days are the territory's own: Paris's clock changes, overseas offsets.</summary>
public sealed class TimeBucketsTests
{
    private static readonly TimeZoneInfo Reunion = TerritoryClock.ZoneOf("974");

    [Fact]
    public void The_autumn_night_has_two_local_two_oclock_hours_in_paris()
    {
        // 25 October 2026: at 03:00 summer time, clocks go back to 02:00.
        var buckets = TimeBuckets.Of(new(2026, 10, 25, 0, 0, 0, TimeSpan.FromHours(2)), new(2026, 10, 25, 4, 0, 0, TimeSpan.FromHours(1)),
            IndicatorStep.Hour, TerritoryClock.Paris);

        Assert.Equal(
            ["00:00+02:00", "01:00+02:00", "02:00+02:00", "02:00+01:00", "03:00+01:00"],
            buckets.Buckets.Select(b => b.Start.ToString("HH:mmzzz")));
        Assert.Equal(2, buckets.IndexOf(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero)));
        Assert.Equal(3, buckets.IndexOf(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Days_run_from_local_midnight_and_last_23_or_25_hours_when_the_clock_changes()
    {
        var spring = TimeBuckets.Of(new(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1)), new(2026, 3, 30, 0, 0, 0, TimeSpan.FromHours(2)),
            IndicatorStep.Day, TerritoryClock.Paris);
        var autumn = TimeBuckets.Of(new(2026, 10, 25, 0, 0, 0, TimeSpan.FromHours(2)), new(2026, 10, 26, 0, 0, 0, TimeSpan.FromHours(1)),
            IndicatorStep.Day, TerritoryClock.Paris);

        Assert.Equal(TimeSpan.FromHours(23), Assert.Single(spring.Buckets) is var s ? s.End - s.Start : default);
        Assert.Equal(TimeSpan.FromHours(25), Assert.Single(autumn.Buckets) is var a ? a.End - a.Start : default);
    }

    [Fact]
    public void A_reunion_day_starts_at_eight_in_the_evening_utc()
    {
        var buckets = TimeBuckets.Of(new(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(4)), new(2026, 11, 29, 0, 0, 0, TimeSpan.FromHours(4)),
            IndicatorStep.Day, Reunion);

        var day = Assert.Single(buckets.Buckets);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 20, 0, 0, TimeSpan.Zero), day.Start);
        Assert.Equal(TimeSpan.FromHours(4), day.Start.Offset);
        Assert.Equal(0, buckets.IndexOf(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero))); // 02:00 in Réunion, the 28th
    }

    [Fact]
    public void Weeks_before_keep_the_local_wall_clock_across_a_clock_change()
    {
        var buckets = TimeBuckets.Of(new(2026, 11, 1, 14, 0, 0, TimeSpan.FromHours(1)), new(2026, 11, 1, 15, 0, 0, TimeSpan.FromHours(1)),
            IndicatorStep.Hour, TerritoryClock.Paris);

        var twoWeeksBefore = buckets.WeeksBefore(buckets.Buckets[0], 2);

        Assert.Equal(new DateTimeOffset(2026, 10, 18, 14, 0, 0, TimeSpan.FromHours(2)), twoWeeksBefore.Start); // 14:00 summer time, 12:00 UTC
        Assert.Equal(TimeSpan.FromHours(1), twoWeeksBefore.End - twoWeeksBefore.Start);
    }
}
