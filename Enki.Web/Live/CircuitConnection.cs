using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Enki.Web.Live;

/// <summary>
/// Whether this circuit's browser is connected. Live screens render new figures only while it is and
/// catch up when it comes back: a closed tab keeps its circuit for minutes, and rendering into it (a
/// MudBlazor chart then calls JavaScript during the circuit's disposal) failed the circuit with
/// « Unhandled exception in circuit » (10 in 40 minutes).
/// </summary>
public sealed class CircuitConnection : CircuitHandler
{
    private volatile bool _up = true;

    public bool IsUp => _up;

    /// <summary>Raised when the browser is back after a disconnection: screens render what they held back.</summary>
    public event Action? Resumed;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _up = false;
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var wasDown = !_up;
        _up = true;
        if (wasDown) Resumed?.Invoke();
        return Task.CompletedTask;
    }
}
