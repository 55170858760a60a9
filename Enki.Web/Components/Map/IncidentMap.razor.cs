using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.History;
using Enki.Infrastructure.Incidents;
using Enki.Web.Api;
using Enki.Web.Components.History;
using Enki.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace Enki.Web.Components.Map;

/// <summary>
/// Live map of a territory's incidents: outlines fitting the scale (departments everywhere, the
/// communes of the department at department and commune scale), markers (clustered at zone and
/// national scale), the in-progress choropleth at national scale, the viewer's own territory outlined
/// and named in the legend, commune names where they fit, framed on the territory. Real changes
/// inside the scope reload the markers, at most once per <see cref="ReloadInterval"/>; the markers
/// and counts come from the territory's shared live state (<see cref="LiveTerritories"/>).
/// Given a <see cref="Past"/> instant it shows that instant instead and listens to nothing.
/// </summary>
public sealed partial class IncidentMap : LeafletMapBase
{
    /// <summary>Live changes closer together than this are folded into one reload.</summary>
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(1);

    private Jurisdiction? _watched;
    private IDisposable? _subscription;
    private Coalescer? _reload;
    private bool _scopeApplied;
    private bool _departmentsShown;
    private bool _choroplethShown;
    private object? _rendered;
    private long _drawnVersion;
    private PastView? _shownPast;

    [Inject] private LiveTerritories Territories { get; set; } = default!;

    [Inject] private CircuitPrincipal Principal { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private TerritoryBounds Bounds { get; set; } = default!;

    [Inject] private FrenchGeography Geography { get; set; } = default!;

    /// <summary>Where the past's queries come from, asked only for a past instant (the live map needs none).</summary>
    [Inject] private IServiceProvider Services { get; set; } = default!;

    /// <summary>The signed-in person, whose own territory is outlined; absent in isolated renders.</summary>
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The territory shown, already checked against the viewer's jurisdiction.</summary>
    [Parameter, EditorRequired] public Jurisdiction Scope { get; set; } = default!;

    /// <summary>Small embeds: no legend.</summary>
    [Parameter] public bool Compact { get; set; }

    /// <summary>The instant shown instead of the live situation (no live updates then); null: live.</summary>
    [Parameter] public PastView? Past { get; set; }

    private bool IsWide => Scope.Kind is JurisdictionKind.National or JurisdictionKind.Zone;

    protected override void OnParametersSet()
    {
        ArgumentNullException.ThrowIfNull(Scope);
        if (Scope == _watched && Past == _shownPast)
        {
            return;
        }
        var instantMoved = Scope == _watched && Past is not null && _shownPast is not null;
        _shownPast = Past;
        if (instantMoved)
        {
            // Same territory at another instant: redraw its markers once the map exists.
            if (_scopeApplied) _ = InvokeAsync(() => ReloadAsync("showIncidents"));
            return;
        }
        StopWatching();
        _watched = Scope;
        _scopeApplied = false;
        _drawnVersion = 0;
        if (Past is not null) return;
        _reload = new Coalescer(ReloadInterval, Clock, () => InvokeAsync(() => ReloadAsync("updateIncidents")),
            LoggerFactory.CreateLogger<IncidentMap>(), "a map reload");
        // Only real changes of the territory ask for a reload (exercises never show on the map); ends with the session.
        _subscription = Principal.Guard(Territories.WatchMarkers(Scope, _reload.Request));
    }

    // Live parents render again on every change of their figures: the map's element only when what it shows changes.
    protected override bool ShouldRender()
    {
        var shown = (Scope, Height, Compact, Wall, TileUrl, TileAttribution, OutlinesFailed);
        if (shown.Equals(_rendered)) return false;
        _rendered = shown;
        return true;
    }

    protected override async Task OnMapRenderedAsync(IJSObjectReference map)
    {
        if (_scopeApplied)
        {
            return;
        }
        _scopeApplied = true;
        await map.InvokeVoidAsync("fitTo", (object?)Bounds.Of(Scope)?.ToLeaflet());
        // Cast: a string[] alone would be taken as the argument list itself.
        await map.InvokeVoidAsync("focusDepartments", (object)FocusedDepartments());
        await map.InvokeVoidAsync("highlightTerritory", await OwnTerritoryAsync());
        _reload?.MarkRan();
        await Task.WhenAll(ShowDepartmentsAsync(map), ShowCommunesAsync(map), ReloadAsync("showIncidents"));
        await ShowVigilanceAsync(map);
    }

    private async Task ShowDepartmentsAsync(IJSObjectReference map)
    {
        if (_departmentsShown) return;
        _departmentsShown = true;
        await ShowOutlinesAsync(map, "showOutlines", OutlineMap.DefaultOutlinesUrl);
    }

    /// <summary>The department of a department or commune scope, whose communes are drawn.</summary>
    private string? ScopeDepartment => Scope.Kind switch
    {
        JurisdictionKind.Department => Scope.Code,
        JurisdictionKind.Commune => Geography.FindCommune(Scope.Code)?.DepartmentCode,
        _ => null,
    };

    /// <summary>Departments drawn as the territory (the others are greyed); empty at national scale.</summary>
    private string[] FocusedDepartments() => Scope.Kind == JurisdictionKind.Zone
        ? Geography.DepartmentsOfZone(Scope.Code).Select(d => d.Code).ToArray()
        : ScopeDepartment is { } department ? [department] : [];

    /// <summary>The viewer's jurisdiction as the map outlines it; null at national level (nothing to single out).</summary>
    private async Task<OwnTerritory?> OwnTerritoryAsync()
    {
        if (AuthenticationState is null) return null;
        var own = (await AuthenticationState).User.ToViewer().Jurisdiction;
        return own.Kind switch
        {
            JurisdictionKind.Commune => new OwnTerritory(Geography.FindCommune(own.Code)?.Name ?? own.Code!, [], own.Code),
            JurisdictionKind.Department => new OwnTerritory($"{Geography.FindDepartment(own.Code)?.Name ?? "Département"} ({own.Code})", [own.Code!], null),
            JurisdictionKind.Zone => new OwnTerritory(Geography.FindZone(own.Code)?.Name ?? own.Label, [.. Geography.DepartmentsOfZone(own.Code!).Select(d => d.Code)], null),
            _ => null,
        };
    }

    private Task ShowCommunesAsync(IJSObjectReference map) =>
        ShowOutlinesAsync(map, "showCommuneOutlines", ScopeDepartment is { } department ? GeographyEndpoints.CommuneOutlinesUrl(department) : null);

    /// <summary>Reads the scope's incidents and hands them to the map (<paramref name="function"/>: first draw or live update).</summary>
    private async Task ReloadAsync(string function)
    {
        if (Map is not { } map || IsDisposed) return;
        var scope = Scope;
        try
        {
            if (Past is { } past)
            {
                await ShowPastAsync(map, scope, past);
                return;
            }
            var update = await Territories.MarkersAsync(scope, _drawnVersion);
            if (update.Payload is not null)
            {
                // Bytes travel as they are (no second JSON encoding), parsed once by the page.
                await map.InvokeAsync<int>(function, update.Payload, IncidentLayerOptions.Json(IsWide, !Compact));
            }
            _drawnVersion = update.Version;
            if (scope.Kind == JurisdictionKind.National)
            {
                var counts = await Territories.InProgressByDepartmentAsync(scope);
                await map.InvokeVoidAsync("showChoropleth", counts, new ChoroplethOptions(!Compact));
                _choroplethShown = true;
            }
            else if (_choroplethShown)
            {
                await map.InvokeVoidAsync("showChoropleth", null, new ChoroplethOptions(false));
                _choroplethShown = false;
            }
        }
        catch (Exception ex) when (ex is JSDisconnectedException or OperationCanceledException || (ex is ObjectDisposedException && IsDisposed))
        {
            // Circuit gone, or its browser stopped answering (closed tab, phone asleep) until the call
            // timed out, or the map was disposed meanwhile: nothing to draw on, and nothing wrong with the
            // map (these were the 190 « could not be refreshed » warnings in 40 min).
            LoggerFactory.CreateLogger<IncidentMap>().LogDebug("Incident map of {Scope} not refreshed: its browser is gone", scope);
        }
        catch (Exception ex)
        {
            // A live screen keeps its last picture rather than failing the circuit.
            LoggerFactory.CreateLogger<IncidentMap>().LogWarning(ex, "Incident map of {Scope} could not be refreshed", scope);
        }
    }

    /// <summary>The whole layer at the past instant, read for the viewer as they are now; the national choropleth from the same cases.</summary>
    private async Task ShowPastAsync(IJSObjectReference map, Jurisdiction scope, PastView past)
    {
        var markers = await Services.GetRequiredService<PastSituationQueries>().MarkersAtAsync(await Principal.ViewerAsync(), scope, past.Instant, past.Clock);
        if (Past != past) return; // another instant was asked for meanwhile: its own reload draws it
        await map.InvokeAsync<int>("showIncidents", MarkerLayer.After(null, markers).Full, IncidentLayerOptions.Json(IsWide, !Compact));
        _drawnVersion = 0;
        if (scope.Kind == JurisdictionKind.National)
        {
            await map.InvokeVoidAsync("showChoropleth", PastSituationQueries.InProgressByDepartment(markers), new ChoroplethOptions(!Compact));
            _choroplethShown = true;
        }
    }

    private void StopWatching()
    {
        StopWatchingVigilance();
        _subscription?.Dispose();
        _reload?.Dispose();
        _subscription = null;
        _reload = null;
    }

    public override ValueTask DisposeAsync()
    {
        StopWatching();
        return base.DisposeAsync();
    }
}
