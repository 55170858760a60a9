using System.Text.Json.Serialization;

namespace Enki.Web.Components.Map;

/// <summary>Options object passed to <c>createMap</c> in wwwroot/js/map.js (serialized camelCase).</summary>
/// <param name="TileUrl">Tile URL template; omitted from the JSON when null (offline map).</param>
/// <param name="TileAttribution">Tile attribution; omitted when null.</param>
/// <param name="Theme"><c>wall</c> for the wall display's dark, large look; omitted for the console's.</param>
/// <param name="ZoomControl">False on the wall display, which nobody touches; omitted when shown.</param>
internal sealed record MapJsOptions(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TileUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TileAttribution,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Theme = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? ZoomControl = null)
{
    /// <summary>The options of a map, on the wall display or in the console.</summary>
    public static MapJsOptions For(string? tileUrl, string? tileAttribution, bool wall) =>
        new(tileUrl, tileUrl is null ? null : tileAttribution, wall ? "wall" : null, wall ? false : null);
}

/// <summary>The viewer's own territory, outlined by <c>highlightTerritory</c>: a commune, or departments (a zone's).</summary>
internal sealed record OwnTerritory(string Label, IReadOnlyList<string> Departments, string? Commune);
