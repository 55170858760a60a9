using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Enki.Web.Components.Map;

/// <summary>
/// Life cycle shared by the Leaflet components: imports wwwroot/js/map.js, creates the map on the
/// container once rendered, keeps the tile layer in line with the parameters or the <c>Enki:Map</c>
/// configuration (offline without a tile URL), and disposes the JavaScript map with the component.
/// </summary>
public abstract class LeafletMapBase : ComponentBase, IAsyncDisposable
{
    internal const string ModulePath = "./js/map.js";

    private IJSObjectReference? _module;
    private string? _appliedTileUrl;

    /// <summary>The element the map fills; set with <c>@ref</c> by the derived component's markup.</summary>
    protected ElementReference Container;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private IOptions<MapOptions> Options { get; set; } = default!;

    [Inject] protected ILoggerFactory LoggerFactory { get; set; } = default!;

    /// <summary>CSS height of the map container.</summary>
    [Parameter] public string Height { get; set; } = "70vh";

    /// <summary>Tile URL template; falls back to <see cref="MapOptions.TileUrl"/>; none means offline.</summary>
    [Parameter] public string? TileUrl { get; set; }

    /// <summary>Tile attribution; falls back to <see cref="MapOptions.TileAttribution"/>.</summary>
    [Parameter] public string? TileAttribution { get; set; }

    /// <summary>The wall display's look: dark, large type, no zoom buttons.</summary>
    [Parameter] public bool Wall { get; set; }

    /// <summary>The JavaScript map, once created.</summary>
    protected IJSObjectReference? Map { get; private set; }

    protected bool IsDisposed { get; private set; }

    /// <summary>True when outlines could not be loaded: the markup shows a French message.</summary>
    protected bool OutlinesFailed { get; private set; }

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
                Map = await _module.InvokeAsync<IJSObjectReference>(
                    "createMap", Container, MapJsOptions.For(_appliedTileUrl, EffectiveTileAttribution, Wall));
                if (IsDisposed)
                {
                    await DisposeJsAsync();
                    return;
                }
            }

            if (Map is null)
            {
                return;
            }

            if (!string.Equals(_appliedTileUrl, EffectiveTileUrl, StringComparison.Ordinal))
            {
                _appliedTileUrl = EffectiveTileUrl;
                await Map.InvokeVoidAsync("setTileLayer", _appliedTileUrl, EffectiveTileAttribution);
            }

            await OnMapRenderedAsync(Map);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or OperationCanceledException || (ex is ObjectDisposedException && IsDisposed))
        {
            // Circuit gone while setting up the map, or its browser stopped answering: nothing left to drive.
            // Or the component was disposed while its map was being drawn (the wall display turns to its
            // next panel): its JavaScript map is gone. That one used to terminate the wall's circuit.
        }
    }

    /// <summary>After every render once the map exists: bring the map in line with the parameters.</summary>
    protected abstract Task OnMapRenderedAsync(IJSObjectReference map);

    /// <summary>Calls a <c>show…</c> outline function of the map; a failure shows the French message instead of throwing.</summary>
    protected async Task ShowOutlinesAsync(IJSObjectReference map, string function, params object?[] arguments)
    {
        bool failed;
        try
        {
            var count = await map.InvokeAsync<int>(function, arguments);
            LoggerFactory.CreateLogger(GetType()).LogDebug("Map {Function} {Source}: {Count} features", function, arguments.FirstOrDefault(), count);
            failed = false;
        }
        catch (JSException ex)
        {
            LoggerFactory.CreateLogger(GetType()).LogWarning(ex, "Map {Function} failed for {Source}", function, arguments.FirstOrDefault());
            failed = true;
        }
        if (failed != OutlinesFailed && !IsDisposed)
        {
            OutlinesFailed = failed;
            StateHasChanged();
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        IsDisposed = true;
        await DisposeJsAsync();
        GC.SuppressFinalize(this);
    }

    private async Task DisposeJsAsync()
    {
        try
        {
            if (Map is not null)
            {
                await Map.InvokeVoidAsync("dispose");
                await Map.DisposeAsync();
            }
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (Exception ex) when (ex is JSDisconnectedException or OperationCanceledException or ObjectDisposedException)
        {
            // The browser is gone (circuit closed) or no longer answers: its map went with it. An
            // exception here used to fail the circuit's disposal ("Unhandled exception rendering component").
        }
        finally
        {
            Map = null;
            _module = null;
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
