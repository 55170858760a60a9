using Enki.Domain.Geography;

namespace Enki.Domain.Indicators;

/// <summary>One hour or one day of a series, in the territory's local time: <see cref="Start"/> carries the local offset.</summary>
public sealed record TimeBucket(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}

/// <summary>
/// The hours or days of a period in a territory's local time. Hours follow the wall clock of the zone
/// (the autumn's repeated hour is two buckets, the spring's missing one none); days run from local
/// midnight to local midnight, so they last 23, 24 or 25 hours.
/// </summary>
public sealed class TimeBuckets
{
    private readonly DateTimeOffset[] _starts;

    private TimeBuckets(IReadOnlyList<TimeBucket> buckets, IndicatorStep step, TimeZoneInfo zone)
    {
        Buckets = buckets;
        Step = step;
        Zone = zone;
        _starts = buckets.Select(b => b.Start).ToArray();
    }

    public IReadOnlyList<TimeBucket> Buckets { get; }

    public IndicatorStep Step { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The buckets that meet [from, to): the first begins at or before <paramref name="from"/>.</summary>
    public static TimeBuckets Of(DateTimeOffset from, DateTimeOffset to, IndicatorStep step, TimeZoneInfo zone)
    {
        var buckets = new List<TimeBucket>();
        var start = Floor(from, step, zone);
        while (start < to)
        {
            var end = Next(start, step, zone);
            buckets.Add(new TimeBucket(start, end));
            start = end;
        }
        return new TimeBuckets(buckets, step, zone);
    }

    /// <summary>The index of the bucket holding the instant, or -1 outside the period.</summary>
    public int IndexOf(DateTimeOffset instant)
    {
        if (_starts.Length == 0 || instant < _starts[0] || instant >= Buckets[^1].End) return -1;
        var index = Array.BinarySearch(_starts, instant);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>The same wall-clock hour (or day) the given number of weeks earlier, in the same zone.</summary>
    public TimeBucket WeeksBefore(TimeBucket bucket, int weeks)
    {
        var start = TerritoryClock.FromLocal(bucket.Start.DateTime.AddDays(-7 * weeks), Zone);
        var local = TimeZoneInfo.ConvertTime(start, Zone);
        return new TimeBucket(local, Next(local, Step, Zone));
    }

    /// <summary>The start of the local hour or day holding the instant, with the zone's offset at that time.</summary>
    public static DateTimeOffset Floor(DateTimeOffset instant, IndicatorStep step, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        if (step == IndicatorStep.Hour)
        {
            // Keeps the instant's own offset: in the autumn, 02:00 at +02:00 and 02:00 at +01:00 are two hours.
            return new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
        }
        return TimeZoneInfo.ConvertTime(TerritoryClock.FromLocal(local.Date, zone), zone);
    }

    private static DateTimeOffset Next(DateTimeOffset start, IndicatorStep step, TimeZoneInfo zone) => step == IndicatorStep.Hour
        ? TimeZoneInfo.ConvertTime(start.AddHours(1), zone)
        : TimeZoneInfo.ConvertTime(TerritoryClock.FromLocal(start.Date.AddDays(1), zone), zone);
}
