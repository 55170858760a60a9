using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Enki.Web.Components.Map;

/// <summary>
/// Leaflet map of department outlines (wwwroot/js/map.js). Offline unless a tile URL is
/// given, either through <see cref="TileUrl"/> or the <c>Enki:Map</c> configuration.
/// Once the outlines are drawn the container carries <c>data-outlines-loaded="N"</c>.
/// </summary>
public sealed partial class OutlineMap : ComponentBase, IAsyncDisposable
{
    internal const string ModulePath = "./js/map.js";
    internal const string DefaultOutlinesUrl = "api/geographie/departements.geojson";

    private ElementReference _container;
    private IJSObjectReference? _module;
    private IJSObjectReference? _map;
    private string? _appliedOutlinesUrl;
    private string? _appliedTileUrl;
    private bool _disposed;
    private bool _outlinesFailed;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private IOptions<MapOptions> Options { get; set; } = default!;

    [Inject] private ILogger<OutlineMap> Logger { get; set; } = default!;

    /// <summary>URL of a GeoJSON FeatureCollection with <c>code</c> and <c>nom</c> properties.</summary>
    [Parameter] public string OutlinesUrl { get; set; } = DefaultOutlinesUrl;

    /// <summary>CSS height of the map container.</summary>
    [Parameter] public string Height { get; set; } = "70vh";

    /// <summary>Tile URL template; falls back to <see cref="MapOptions.TileUrl"/>; none means offline.</summary>
    [Parameter] public string? TileUrl { get; set; }

    /// <summary>Tile attribution; falls back to <see cref="MapOptions.TileAttribution"/>.</summary>
    [Parameter] public string? TileAttribution { get; set; }

    private string? EffectiveTileUrl =>
        string.IsNullOrWhiteSpace(TileUrl) ? NullIfBlank(Options.Value.TileUrl) : TileUrl;

    private string? EffectiveTileAttribution =>
        string.IsNullOrWhiteSpace(TileAttribution) ? NullIfBlank(Options.Value.TileAttribution) : TileAttribution;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
                _appliedTileUrl = EffectiveTileUrl;
                _map = await _module.InvokeAsync<IJSObjectReference>(
                    "createMap", _container, new MapJsOptions(_appliedTileUrl, _appliedTileUrl is null ? null : EffectiveTileAttribution));
                if (_disposed)
                {
                    await DisposeJsAsync();
                    return;
                }
            }

            if (_map is null)
            {
                return;
            }

            if (!string.Equals(_appliedTileUrl, EffectiveTileUrl, StringComparison.Ordinal))
            {
                _appliedTileUrl = EffectiveTileUrl;
                await _map.InvokeVoidAsync("setTileLayer", _appliedTileUrl, EffectiveTileAttribution);
            }

            if (!string.Equals(_appliedOutlinesUrl, OutlinesUrl, StringComparison.Ordinal))
            {
                _appliedOutlinesUrl = OutlinesUrl;
                await ShowOutlinesAsync(_map, OutlinesUrl);
            }
        }
        catch (JSDisconnectedException)
        {
            // Circuit gone while setting up the map: nothing left to drive.
        }
    }

    private async Task ShowOutlinesAsync(IJSObjectReference map, string url)
    {
        bool failed;
        try
        {
            var count = await map.InvokeAsync<int>("showOutlines", url);
            Logger.LogDebug("Map outlines loaded from {Url}: {Count} features", url, count);
            failed = false;
        }
        catch (JSException ex)
        {
            Logger.LogWarning(ex, "Map outlines could not be loaded from {Url}", url);
            failed = true;
        }
        if (failed != _outlinesFailed && !_disposed)
        {
            _outlinesFailed = failed;
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await DisposeJsAsync();
    }

    private async Task DisposeJsAsync()
    {
        try
        {
            if (_map is not null)
            {
                await _map.InvokeVoidAsync("dispose");
                await _map.DisposeAsync();
            }
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone (circuit closed): its map went with it.
        }
        finally
        {
            _map = null;
            _module = null;
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
