using System.Collections.Concurrent;
using Microsoft.JSInterop;

namespace Enki.Web.Hosting.GracefulStop;

/// <summary>
/// The circuits this node holds, each with its browser's JavaScript runtime, and whether the node is
/// stopping: what a graceful stop needs to hand every browser over to another node.
/// </summary>
public sealed class OpenCircuits
{
    private readonly ConcurrentDictionary<string, IJSRuntime> _circuits = new();
    private readonly TaskCompletionSource _allClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;

    /// <summary>Set when the node starts its graceful stop: it then takes no new circuit and says so to the gateway.</summary>
    public bool Stopping => _stopping;

    public int Count => _circuits.Count;

    public void Opened(string circuitId, IJSRuntime browser) => _circuits[circuitId] = browser;

    public void Closed(string circuitId)
    {
        _circuits.TryRemove(circuitId, out _);
        if (_stopping && _circuits.IsEmpty) _allClosed.TrySetResult();
    }

    /// <summary>Marks the node stopping; returns the browsers to ask, and a task done when none is left.</summary>
    public (IReadOnlyList<IJSRuntime> Browsers, Task AllClosed) BeginStop()
    {
        _stopping = true;
        if (_circuits.IsEmpty) _allClosed.TrySetResult();
        return ([.. _circuits.Values], _allClosed.Task);
    }
}
