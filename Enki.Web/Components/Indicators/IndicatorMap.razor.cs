using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.Indicators;
using Enki.Web.Api;
using Enki.Web.Components.Map;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Enki.Web.Components.Indicators;

/// <summary>
/// An indicator as a choropleth on the console's Leaflet map: department outlines (and the communes of the
/// department looked at), the areas with a figure filled by their class (<see cref="ChoroplethClasses"/>),
/// a legend naming the classes and how they were cut, a tooltip with each figure.
/// </summary>
public sealed partial class IndicatorMap : LeafletMapBase
{
    private IndicatorResult? _drawn;
    private bool _framed;

    [Inject] private IndicatorGeoJson GeoJson { get; set; } = default!;

    [Inject] private TerritoryBounds Bounds { get; set; } = default!;

    [Inject] private FrenchGeography Geography { get; set; } = default!;

    [Parameter, EditorRequired] public IndicatorResult Result { get; set; } = default!;

    /// <summary>The territory's jurisdiction (null for a crisis's territory: framed on its areas).</summary>
    [Parameter] public Jurisdiction? Scope { get; set; }

    protected override async Task OnMapRenderedAsync(IJSObjectReference map)
    {
        if (!_framed)
        {
            _framed = true;
            if (Scope is not null) await map.InvokeVoidAsync("fitTo", (object?)Bounds.Of(Scope)?.ToLeaflet());
            await ShowOutlinesAsync(map, "showOutlines", OutlineMap.DefaultOutlinesUrl);
            var department = Scope?.Kind switch
            {
                JurisdictionKind.Department => Scope.Code,
                JurisdictionKind.Commune => Geography.FindCommune(Scope.Code)?.DepartmentCode,
                _ => null,
            };
            if (department is not null) await ShowOutlinesAsync(map, "showCommuneOutlines", GeographyEndpoints.CommuneOutlinesUrl(department));
        }
        if (ReferenceEquals(_drawn, Result)) return;
        _drawn = Result;
        // Squares of 1 km vanish at a department's scale: the map frames them (Leaflet stops at zoom 11).
        var fitToAreas = Scope is null || Result.Representation == IndicatorRepresentation.GridMap;
        await map.InvokeAsync<int>("showIndicatorAreas", GeoJson.Write(Result), IndicatorMapPaint.Of(Result), fitToAreas);
    }
}
