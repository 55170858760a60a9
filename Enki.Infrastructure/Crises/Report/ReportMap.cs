namespace Enki.Infrastructure.Crises.Report;

/// <summary>A point of the drawing, in the map's own units (x to the right, y down).</summary>
public readonly record struct MapPoint(double X, double Y);

/// <summary>One outline: its rings, and whether it is the crisis territory's edge or a commune inside it.</summary>
public sealed record MapShape(IReadOnlyList<IReadOnlyList<MapPoint>> Rings, bool IsEdge);

/// <summary>An incident on the map; active ones are drawn stronger.</summary>
public sealed record MapMarker(MapPoint At, bool IsActive);

/// <summary>
/// The crisis territory and its incidents, already projected into a <see cref="Width"/> × <see cref="Height"/>
/// box, so the page (SVG) and the PDF draw the same thing without a tile server.
/// </summary>
public sealed record ReportMap(double Width, double Height, IReadOnlyList<MapShape> Shapes, IReadOnlyList<MapMarker> Markers)
{
    public static readonly ReportMap None = new(1, 1, [], []);

    public bool IsEmpty => Shapes.Count == 0;
}
