using Enki.Web.Components.History;

namespace Enki.Tests.History;

/// <summary>The instant a playing replay asks for next, which a wall reads ahead: a tick's worth, once the minute changes, to the minute.</summary>
public sealed class ReplayNextStepTests
{
    private static readonly DateTimeOffset One = new(2026, 12, 2, 1, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData(600, 0, 10)]
    [InlineData(60, 0, 1)]
    [InlineData(10, 0, 1)] // six ticks before the minute changes
    [InlineData(10, 30, 1)]
    [InlineData(25, 0, 1)] // not a speed the controls offer: played at ×60
    public void The_next_step_is_the_first_minute_a_tick_reaches(int speed, int secondsPast, int minutesLater)
    {
        Assert.Equal(One.AddMinutes(minutesLater), ReplayControls.NextShown(One.AddSeconds(secondsPast), speed));
    }
}
