using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Live;

/// <summary>
/// Hands a value to a live screen off the caller's thread. Each screen then renders on a pool thread
/// of its own, in parallel: a free Blazor circuit runs <c>InvokeAsync</c> inline, so two hundred
/// screens would otherwise render one after the other on the publisher's (intake's, writer's) thread.
/// A screen that fails is logged and never reaches the caller.
/// </summary>
public static class ScreenDelivery
{
    /// <param name="what">What the screen could not take, for the log (a constant: this runs for every screen and change).</param>
    public static void Start<T>(Func<T, Task> screen, T value, ILogger logger, string what) => _ = RunAsync(screen, value, logger, what);

    private static async Task RunAsync<T>(Func<T, Task> screen, T value, ILogger logger, string what)
    {
        try
        {
            await Task.Yield();
            await screen(value);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "A live screen could not take {What}", what);
        }
    }
}
