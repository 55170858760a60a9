using System.Text.Json;
using Enki.Infrastructure.Incidents;
using Enki.Web.Components.Map;

namespace Enki.Web.Live;

/// <summary>
/// A version of a territory's incident markers, formatted and serialized once for every open map of
/// it: the whole layer, and what changed since the previous version (empty: nothing) for a map that
/// drew that one. Two hundred crisis-room screens on one department cost one formatting and one
/// serialization per change, and each of them a few hundred bytes instead of the whole layer.
/// </summary>
internal sealed record MarkerLayer(long Number, IReadOnlyDictionary<Guid, MapMarker> ById, byte[] Full, byte[]? Delta)
{
    public static MarkerLayer After(MarkerLayer? previous, IReadOnlyList<IncidentMarker> source)
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
        return new MarkerLayer((previous?.Number ?? 0) + 1, byId, full, delta);
    }

    /// <summary>What a map that drew <paramref name="drawnVersion"/> (0: nothing yet) needs to show this version.</summary>
    public MarkerLayerUpdate For(long drawnVersion)
    {
        if (drawnVersion == Number) return new(Number, null);
        if (drawnVersion == Number - 1 && Delta is { } delta) return new(Number, delta.Length == 0 ? null : delta);
        return new(Number, Full);
    }
}

/// <summary>The version a map will hold once <see cref="Payload"/> is applied; no payload: nothing to send.</summary>
public sealed record MarkerLayerUpdate(long Version, byte[]? Payload);

/// <summary>What <c>showIncidents</c> in wwwroot/js/map.js takes, as UTF-8 JSON: the whole layer, or (partial) the markers added or changed and the ids removed.</summary>
internal sealed record MarkerLayerPayload(bool Partial, IReadOnlyList<MapMarker> Markers, IReadOnlyList<Guid> Removed);
