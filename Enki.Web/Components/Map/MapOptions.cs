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

    /// <summary>
    /// Production setting for <see cref="TileUrl"/>: the French State's open street basemap, Plan IGN
    /// from the IGN Géoplateforme, as WMTS tiles in Web Mercator (free, no key). README documents it.
    /// </summary>
    public const string IgnPlanTileUrl =
        "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
        + "&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}";

    /// <summary>The attribution the IGN's licence (Licence Ouverte Etalab 2.0) asks for, to go with <see cref="IgnPlanTileUrl"/>.</summary>
    public const string IgnAttribution = "© IGN – Géoplateforme";
}
