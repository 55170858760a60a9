namespace Enki.Web.Components.Map;

/// <summary>
/// Map settings bound from the <c>Enki:Map</c> configuration section.
/// Offline by default: without <see cref="TileUrl"/> no tile is ever requested and
/// the map only draws vector outlines on a plain background.
/// </summary>
public sealed class MapOptions
{
    /// <summary>Configuration section the options are bound from.</summary>
    public const string SectionName = "Enki:Map";

    /// <summary>
    /// Raster tile URL template (for instance an internal tile server,
    /// <c>https://tiles.example/{z}/{x}/{y}.png</c>); null or empty means no tile layer.
    /// </summary>
    public string? TileUrl { get; set; }

    /// <summary>Attribution shown with the tile layer (HTML allowed by Leaflet).</summary>
    public string? TileAttribution { get; set; }
}
