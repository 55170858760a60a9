using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Enki.Tests.Support;

/// <summary>
/// A busy server, for tests only: every message a browser sends to its circuit (each keystroke's
/// input event, each click) waits <see cref="Delay"/> before the app sees it, as on a loaded server
/// reached over 4G. Registered as a circuit handler in the test host.
/// </summary>
/// <remarks>
/// The messages keep their order, as on a real connection. With one timer per message, two timers
/// ending together let « Chelles » reach the field before « Chelle »: the field then ended on a text the
/// browser no longer showed, a swap no real server makes.
/// </remarks>
public sealed class BusyServer(TimeSpan delay) : CircuitHandler
{
    public TimeSpan Delay { get; } = delay;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next)
    {
        // One handler per circuit: its messages queue behind each other.
        var gate = new Lock();
        var last = Task.CompletedTask;
        return async context =>
        {
            var arrived = Stopwatch.GetTimestamp();
            var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task previous;
            lock (gate) (previous, last) = (last, mine.Task);
            await previous;
            var wait = Delay - Stopwatch.GetElapsedTime(arrived);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            // The app's dispatcher takes the message before the next one is let go, so it keeps the order.
            var run = next(context);
            mine.SetResult();
            await run;
        };
    }
}
