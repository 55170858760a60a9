using Enki.Web.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Enki.Web.Components.Map;

/// <summary>
/// Small map for an incident's detail: centred on its place, one marker, the commune outlines of
/// its department around it.
/// </summary>
public sealed partial class IncidentPointMap : LeafletMapBase
{
    /// <summary>Zoom of the point: a few streets around it.</summary>
    public const int PointZoom = 14;

    // The communes are drawn filled, as the land: there are no department outlines under them here.
    private static readonly object LandStyle = new { fillColor = "#f3efe4", fillOpacity = 1 };

    private (double, double)? _shownPoint;
    private string? _shownDepartment;

    [Parameter, EditorRequired] public double Latitude { get; set; }

    [Parameter, EditorRequired] public double Longitude { get; set; }

    /// <summary>Department whose commune outlines are drawn; none draws the point alone.</summary>
    [Parameter] public string? DepartmentCode { get; set; }

    public IncidentPointMap() => Height = "260px";

    protected override async Task OnMapRenderedAsync(IJSObjectReference map)
    {
        if (_shownPoint != (Latitude, Longitude))
        {
            _shownPoint = (Latitude, Longitude);
            await map.InvokeVoidAsync("showPoint", Latitude, Longitude, PointZoom);
        }
        var department = string.IsNullOrWhiteSpace(DepartmentCode) ? null : DepartmentCode.Trim();
        if (!string.Equals(_shownDepartment, department, StringComparison.OrdinalIgnoreCase))
        {
            _shownDepartment = department;
            await ShowOutlinesAsync(map, "showCommuneOutlines",
                department is null ? null : GeographyEndpoints.CommuneOutlinesUrl(department), LandStyle);
        }
    }
}
