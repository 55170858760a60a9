using System.Text.Json.Serialization;

namespace Enki.Web.Components.Map;

/// <summary>Options object passed to <c>createMap</c> in wwwroot/js/map.js (serialized camelCase).</summary>
/// <param name="TileUrl">Tile URL template; omitted from the JSON when null (offline map).</param>
/// <param name="TileAttribution">Tile attribution; omitted when null.</param>
internal sealed record MapJsOptions(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TileUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TileAttribution);
