using System.Diagnostics;
using Microsoft.JSInterop;

namespace Enki.Web.Hosting.GracefulStop;

/// <summary>
/// On a graceful stop (a deployment, a scale-in), each browser of this node is asked to pause its
/// circuit: Blazor (.NET 10) hands the circuit's persisted state (root components and every
/// <c>[PersistentState]</c> value, protected with the shared key ring) to the browser, which resumes it
/// on another node through the gateway. Meanwhile this node answers <c>/health</c> with 503 and refuses
/// new circuits, so the gateway sends the resumes elsewhere. A killed node saves nothing: its browsers
/// reload through the gateway and find their page and filters in the address.
/// </summary>
public sealed class PauseCircuitsOnStop(OpenCircuits circuits, IHostApplicationLifetime lifetime, ILogger<PauseCircuitsOnStop> logger)
{
    /// <summary>Under the 10 s a container runtime waits between its stop signal and a kill.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(7);

    private int _hooked;

    /// <summary>
    /// Called as each circuit opens. SignalR closes every connection on ApplicationStopping, in a
    /// callback registered when its connection manager is built (at the first connection); callbacks run
    /// last registered first, so registering once a circuit exists makes this one run before the connections close.
    /// </summary>
    public void EnsureHooked()
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 0) lifetime.ApplicationStopping.Register(PauseAll);
    }

    private void PauseAll()
    {
        var (browsers, allDisconnected) = circuits.BeginStop();
        if (browsers.Count == 0) return;
        logger.LogInformation("Graceful stop: asking {Count} browser(s) to pause their circuit and resume it on another node", browsers.Count);
        foreach (var browser in browsers) _ = AskAsync(browser);
        // Blocking is what a stopping callback may do: the host waits for it before closing connections.
        var started = Stopwatch.GetTimestamp();
        var handedOver = allDisconnected.Wait(Grace);
        logger.LogInformation("Graceful stop: {Left} browser(s) still connected after {Seconds:0.0} s{Outcome}",
            circuits.Connections, Stopwatch.GetElapsedTime(started).TotalSeconds, handedOver ? "" : " (they will reconnect and reload their page)");
    }

    private async Task AskAsync(IJSRuntime browser)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await browser.InvokeVoidAsync("enkiPauseForNodeStop", timeout.Token);
        }
        catch (Exception e) when (e is JSException or TaskCanceledException or OperationCanceledException or JSDisconnectedException or InvalidOperationException)
        {
            logger.LogDebug(e, "A browser did not take the pause request");
        }
    }
}
