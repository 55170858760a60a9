using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Enki.Web.Components.Map;

/// <summary>
/// Leaflet map of department outlines (wwwroot/js/map.js). Offline unless a tile URL is
/// given, either through <see cref="LeafletMapBase.TileUrl"/> or the <c>Enki:Map</c> configuration.
/// Once the outlines are drawn the container carries <c>data-outlines-loaded="N"</c>.
/// </summary>
public sealed partial class OutlineMap : LeafletMapBase
{
    internal const string DefaultOutlinesUrl = "api/v1/geography/departments.geojson";

    private string? _appliedOutlinesUrl;

    /// <summary>URL of a GeoJSON FeatureCollection with <c>code</c> and <c>name</c> properties.</summary>
    [Parameter] public string OutlinesUrl { get; set; } = DefaultOutlinesUrl;

    protected override async Task OnMapRenderedAsync(IJSObjectReference map)
    {
        if (!string.Equals(_appliedOutlinesUrl, OutlinesUrl, StringComparison.Ordinal))
        {
            _appliedOutlinesUrl = OutlinesUrl;
            await ShowOutlinesAsync(map, "showOutlines", OutlinesUrl);
        }
    }
}
