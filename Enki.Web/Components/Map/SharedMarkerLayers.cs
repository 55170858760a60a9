using System.Collections.Concurrent;
using System.Text.Json;
using Enki.Domain.Access;
using Enki.Infrastructure.Incidents;

namespace Enki.Web.Components.Map;

/// <summary>
/// The incident markers of each watched territory, formatted and serialized once per change for every
/// open map of it: a map that drew the previous version receives only what changed, any other map the
/// whole layer. Two hundred crisis-room screens on one department cost one formatting and one
/// serialization per change, and each of them a few hundred bytes instead of the whole layer.
/// </summary>
public sealed class SharedMarkerLayers(IIncidentMapQueries queries)
{
    /// <summary>A territory no map has asked about for this long is forgotten.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Jurisdiction, ScopeLayer> _layers = new();
    private long _lastSweep = Environment.TickCount64;

    /// <summary>What a map that drew <paramref name="drawnVersion"/> (0: nothing yet) needs to show the scope's markers now.</summary>
    public async Task<MarkerLayerUpdate> UpdateAsync(Jurisdiction scope, DateTimeOffset now, long drawnVersion)
    {
        // The shared queries answer with the same list until the next change inside the scope.
        var markers = await queries.MarkersAsync(scope, now);
        var layer = _layers.GetOrAdd(scope, _ => new ScopeLayer()).Take(markers);
        ForgetIdleScopes();
        if (drawnVersion == layer.Number) return new(layer.Number, null);
        if (drawnVersion == layer.Number - 1 && layer.Delta is { } delta) return new(layer.Number, delta.Length == 0 ? null : delta);
        return new(layer.Number, layer.Full);
    }

    /// <summary>Territories currently kept (for tests and diagnostics).</summary>
    public int Count => _layers.Count;

    private void ForgetIdleScopes()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastSweep);
        if (now - last < Idle.TotalMilliseconds || Interlocked.CompareExchange(ref _lastSweep, now, last) != last) return;
        foreach (var (scope, layer) in _layers)
        {
            if (now - layer.LastUsed > Idle.TotalMilliseconds) _layers.TryRemove(new KeyValuePair<Jurisdiction, ScopeLayer>(scope, layer));
        }
    }

    /// <summary>One territory's current version; a new list from the queries makes the next version.</summary>
    private sealed class ScopeLayer
    {
        private readonly Lock _gate = new();
        private LayerVersion? _current;

        public long LastUsed { get; private set; } = Environment.TickCount64;

        public LayerVersion Take(IReadOnlyList<IncidentMarker> source)
        {
            lock (_gate)
            {
                LastUsed = Environment.TickCount64;
                if (_current is null || !ReferenceEquals(_current.Source, source)) _current = LayerVersion.After(_current, source);
                return _current;
            }
        }
    }

    /// <summary>A version of a territory's layer: the whole layer and what changed since the previous version (empty: nothing).</summary>
    private sealed record LayerVersion(long Number, IReadOnlyList<IncidentMarker> Source, IReadOnlyDictionary<Guid, MapMarker> ById, byte[] Full, byte[]? Delta)
    {
        public static LayerVersion After(LayerVersion? previous, IReadOnlyList<IncidentMarker> source)
        {
            var markers = source.Select(MapMarker.From).ToList();
            var byId = markers.DistinctBy(m => m.Id).ToDictionary(m => m.Id);
            byte[]? delta = null;
            if (previous is not null)
            {
                var changed = markers.Where(m => !previous.ById.TryGetValue(m.Id, out var drawn) || drawn != m).ToList();
                var removed = previous.ById.Keys.Where(id => !byId.ContainsKey(id)).ToList();
                delta = changed.Count + removed.Count == 0 ? [] : JsonSerializer.SerializeToUtf8Bytes(new MarkerLayerPayload(true, changed, removed), JsonSerializerOptions.Web);
            }
            var full = JsonSerializer.SerializeToUtf8Bytes(new MarkerLayerPayload(false, markers, []), JsonSerializerOptions.Web);
            return new LayerVersion((previous?.Number ?? 0) + 1, source, byId, full, delta);
        }
    }
}

/// <summary>The version a map will hold once <see cref="Payload"/> is applied; no payload: nothing to send.</summary>
public sealed record MarkerLayerUpdate(long Version, byte[]? Payload);

/// <summary>What <c>showIncidents</c> in wwwroot/js/map.js takes, as UTF-8 JSON: the whole layer, or (partial) the markers added or changed and the ids removed.</summary>
internal sealed record MarkerLayerPayload(bool Partial, IReadOnlyList<MapMarker> Markers, IReadOnlyList<Guid> Removed);
