using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Enki.Tests.Support;

/// <summary>
/// A busy server, for tests only: every message a browser sends to its circuit (each keystroke's
/// input event, each click) waits <see cref="Delay"/> before the app sees it, as on a loaded server
/// reached over 4G. Registered as a circuit handler in the test host.
/// </summary>
public sealed class BusyServer(TimeSpan delay) : CircuitHandler
{
    public TimeSpan Delay { get; } = delay;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            await Task.Delay(Delay);
            await next(context);
        };
}
