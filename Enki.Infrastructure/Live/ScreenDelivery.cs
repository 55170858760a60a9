using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace Enki.Infrastructure.Live;

/// <summary>
/// Hands a value to a live screen off the caller's thread. Each screen then renders on a pool thread
/// of its own, in parallel: a free Blazor circuit runs <c>InvokeAsync</c> inline, so two hundred
/// screens would otherwise render one after the other on the publisher's (intake's, writer's) thread.
/// A screen that fails is logged and never reaches the caller.
/// </summary>
public static class ScreenDelivery
{
    /// <summary>One warning per kind of failure at most this often; the next one says how many were held back.</summary>
    public static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private static readonly ConcurrentDictionary<string, WarningGate> Gates = new(StringComparer.Ordinal);

    /// <param name="what">What the screen could not take, for the log (a constant: this runs for every screen and change).</param>
    public static void Start<T>(Func<T, Task> screen, T value, ILogger logger, string what) => _ = RunAsync(screen, value, logger, what);

    /// <summary>
    /// Logs a live screen's failure. A circuit that went away (tab closed, browser gone, component
    /// disposed meanwhile) is normal and stays at Debug. Anything else is a real failure and a Warning,
    /// but at most one per <see cref="WarningInterval"/> for each <paramref name="what"/>: a broken screen
    /// fails for every open copy and every change, 200 warnings per incident during a storm.
    /// </summary>
    public static void Failed(ILogger logger, Exception exception, string what)
    {
        if (IsGone(exception))
        {
            logger.LogDebug(exception, "A live screen went away before taking {What}", what);
            return;
        }
        if (Gates.GetOrAdd(what, _ => new WarningGate()).TryPass(out var heldBack))
        {
            logger.LogWarning(exception, "A live screen could not take {What} ({HeldBack} more such failures since the last warning)", what, heldBack);
        }
    }

    private static bool IsGone(Exception exception) =>
        exception is ObjectDisposedException or OperationCanceledException or JSDisconnectedException;

    private static async Task RunAsync<T>(Func<T, Task> screen, T value, ILogger logger, string what)
    {
        try
        {
            await Task.Yield();
            await screen(value);
        }
        catch (Exception ex)
        {
            Failed(logger, ex, what);
        }
    }

    /// <summary>Lets one warning through per interval and counts the ones it holds back.</summary>
    private sealed class WarningGate
    {
        private readonly Lock _gate = new();
        private long _next = long.MinValue;
        private int _heldBack;

        public bool TryPass(out int heldBack)
        {
            var now = Environment.TickCount64;
            lock (_gate)
            {
                if (now < _next)
                {
                    _heldBack++;
                    heldBack = 0;
                    return false;
                }
                heldBack = _heldBack;
                _heldBack = 0;
                _next = now + (long)WarningInterval.TotalMilliseconds;
                return true;
            }
        }
    }
}
