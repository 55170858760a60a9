using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Enki.Benchmarks.Live;

/// <summary>
/// When each circuit rendered the new figures, seen from the server: Blazor records a measurement
/// of <c>aspnetcore.components.update_parameters.duration</c> each time a component receives new
/// parameters, tagged with its type; the counters (of the dashboard or of the wall) receive them once
/// per circuit and change, in the render whose batch then leaves for the browser. The difference with the browser's
/// own times is the client machine's share (here, Chromium on the server's two cores).
/// </summary>
internal sealed class ServerRenderProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<long> _renders = new();
    private readonly HashSet<string> _componentTypes;

    /// <param name="componentTypes">Full names of the components that show the counters (one per page kind).</param>
    public ServerRenderProbe(params string[] componentTypes)
    {
        _componentTypes = [.. componentTypes];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.Components.Lifecycle" && instrument.Name == "aspnetcore.components.update_parameters.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Forgets earlier renders: the next ones are those of the coming push.</summary>
    public void Clear() => _renders.Clear();

    /// <summary>Milliseconds from <paramref name="since"/> (a <see cref="Stopwatch"/> timestamp) to each render recorded since <see cref="Clear"/>.</summary>
    public IReadOnlyList<double> Since(long since) => _renders.Select(at => Stopwatch.GetElapsedTime(since, at).TotalMilliseconds).ToList();

    private void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "aspnetcore.components.type" && tag.Value is string type && _componentTypes.Contains(type))
            {
                _renders.Enqueue(Stopwatch.GetTimestamp());
                return;
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
