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
    private readonly ConcurrentQueue<(long At, double Milliseconds)> _renders = new();
    private readonly HashSet<string> _componentTypes;

    /// <param name="componentTypes">Full names of the components that show the counters (one per page kind).</param>
    public ServerRenderProbe(params string[] componentTypes)
    {
        _componentTypes = [.. componentTypes];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.Components.Lifecycle" && instrument.Name == "aspnetcore.components.update_parameters.duration"
                || instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal) && instrument.Name == "aspnetcore.components.render_diff.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Forgets earlier renders: the next ones are those of the coming push.</summary>
    public void Clear()
    {
        _renders.Clear();
        _batches.Clear();
    }

    private readonly ConcurrentQueue<double> _batches = new();

    /// <summary>
    /// Milliseconds from each render batch (of every circuit) to the client's acknowledgement of it, since <see cref="Clear"/>:
    /// Blazor's <c>render_diff.duration</c> awaits the display's update, so a batch queued behind unacknowledged ones counts its wait.
    /// </summary>
    public IReadOnlyList<double> BatchDurations() => [.. _batches];

    /// <summary>Milliseconds from <paramref name="since"/> (a <see cref="Stopwatch"/> timestamp) to each render recorded since <see cref="Clear"/>.</summary>
    public IReadOnlyList<double> Since(long since) => _renders.Select(r => Stopwatch.GetElapsedTime(since, r.At).TotalMilliseconds).ToList();

    /// <summary>
    /// How long each component recorded since <see cref="Clear"/> took to take its new parameters, in milliseconds: for a
    /// page whose <c>OnParametersSetAsync</c> reads the database, the read included (Blazor awaits the task before recording).
    /// </summary>
    public IReadOnlyList<double> Durations() => _renders.Select(r => r.Milliseconds).ToList();

    private void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == "aspnetcore.components.render_diff.duration")
        {
            _batches.Enqueue(value * 1000);
            return;
        }
        foreach (var tag in tags)
        {
            if (tag.Key == "aspnetcore.components.type" && tag.Value is string type && _componentTypes.Contains(type))
            {
                // The instrument's unit is seconds.
                _renders.Enqueue((Stopwatch.GetTimestamp(), value * 1000));
                return;
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
