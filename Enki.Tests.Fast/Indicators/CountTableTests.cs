using Enki.Domain.Indicators;

namespace Enki.Tests.Indicators;

/// <summary>The counts' table of the tallies: keys summed exactly, 0 a key like any other, past its growths.</summary>
public sealed class CountTableTests
{
    [Fact]
    public void Each_key_counts_its_incidents_zero_included_however_many_keys_there_are()
    {
        var counts = new CountTable();
        // 0 ticks three times; then 5,000 durations a second apart, each twice; then one tick more than the largest.
        counts.Add(0, 1);
        counts.Add(0, 2);
        for (var i = 1; i <= 5_000; i++)
        {
            counts.Add(i * TimeSpan.TicksPerSecond, 1);
        }
        for (var i = 1; i <= 5_000; i++)
        {
            counts.Add(i * TimeSpan.TicksPerSecond, 1);
        }
        counts.Add(5_000 * TimeSpan.TicksPerSecond + 1, 7);

        var entries = counts.Entries().ToDictionary(e => e.Key, e => e.Incidents);
        Assert.Equal(5_002, counts.Count);
        Assert.Equal(5_002, entries.Count);
        Assert.Equal(3, entries[0]);
        Assert.All(Enumerable.Range(1, 5_000), i => Assert.Equal(2, entries[i * TimeSpan.TicksPerSecond]));
        Assert.Equal(7, entries[5_000 * TimeSpan.TicksPerSecond + 1]);
        Assert.Equal(3 + 10_000 + 7, entries.Values.Sum());
    }
}
