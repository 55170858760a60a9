using System.Collections.Concurrent;
using Microsoft.JSInterop;

namespace Enki.Web.Hosting.GracefulStop;

/// <summary>
/// The circuits this node holds, each with its browser's JavaScript runtime, the browser connections it
/// holds open, and whether the node is stopping: what a graceful stop needs to hand every browser over
/// to another node.
/// </summary>
public sealed class OpenCircuits
{
    private readonly ConcurrentDictionary<string, IJSRuntime> _circuits = new();
    private readonly TaskCompletionSource _allDisconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;
    private int _connections;

    /// <summary>Set when the node starts its graceful stop: it then takes no new circuit and says so to the gateway.</summary>
    public bool Stopping => _stopping;

    public int Count => _circuits.Count;

    /// <summary>Browser connections (Blazor's <c>/_blazor</c> WebSockets) open on this node.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public void Opened(string circuitId, IJSRuntime browser) => _circuits[circuitId] = browser;

    public void Closed(string circuitId) => _circuits.TryRemove(circuitId, out _);

    public void Connected() => Interlocked.Increment(ref _connections);

    public void Disconnected()
    {
        if (Interlocked.Decrement(ref _connections) == 0 && _stopping) _allDisconnected.TrySetResult();
    }

    /// <summary>
    /// Marks the node stopping; returns the browsers to ask, and a task done when no browser is connected
    /// any more. A paused circuit is closed before its state has reached the browser; the browser hangs up
    /// once it holds the state, so only its hang-up says the hand-over is done.
    /// </summary>
    public (IReadOnlyList<IJSRuntime> Browsers, Task AllDisconnected) BeginStop()
    {
        _stopping = true;
        if (Connections == 0) _allDisconnected.TrySetResult();
        return ([.. _circuits.Values], _allDisconnected.Task);
    }
}
