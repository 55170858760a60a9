using Microsoft.Extensions.Time.Testing;

namespace Enki.Tests.Support;

public static class FakeClockAdvance
{
    /// <summary>
    /// Moves the fake clock on in small steps until <paramref name="done"/>. Screens take changes on a pool
    /// thread, so a throttle may read the time, then start its wait after a single big step: that wait would
    /// never end. Answers the time advanced.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntilAsync(this FakeTimeProvider clock, Func<bool> done)
    {
        var step = TimeSpan.FromMilliseconds(100);
        var advanced = TimeSpan.Zero;
        for (var i = 0; i < 100 && !done(); i++)
        {
            await Task.Delay(10);
            clock.Advance(step);
            advanced += step;
        }
        // The last step's work may still be on a pool thread: wait for it in real time, not a fixed pause.
        for (var deadline = DateTime.UtcNow.AddSeconds(5); !done() && DateTime.UtcNow < deadline;) await Task.Delay(10);
        Assert.True(done(), "nothing happened within 10 s of fake time");
        return advanced;
    }
}
