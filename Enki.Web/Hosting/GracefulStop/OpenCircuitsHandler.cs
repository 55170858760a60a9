using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.JSInterop;

namespace Enki.Web.Hosting.GracefulStop;

/// <summary>Keeps <see cref="OpenCircuits"/> up to date with the circuits of this node.</summary>
public sealed class OpenCircuitsHandler(OpenCircuits circuits, PauseCircuitsOnStop pauseOnStop, IJSRuntime browser) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        pauseOnStop.EnsureHooked();
        circuits.Opened(circuit.Id, browser);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Closed(circuit.Id);
        return Task.CompletedTask;
    }
}
