using System.Text.Json;
using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Geography;
using Enki.Infrastructure.Geography;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Simplify;

namespace Enki.Infrastructure.Crises.Report;

/// <summary>
/// Draws a crisis territory from the embedded outlines, whatever its size: its edge bold, its communes thin where they
/// stay readable (all of a small territory, else those where incidents are),
/// incidents as dots. Projected plainly (longitude shrunk by the cosine of the latitude), which is true
/// enough at a department's scale, and simplified to what a printed map can show.
/// </summary>
public sealed class ReportMapDrawing(FrenchGeography geography, DepartmentOutlines? departmentOutlines = null)
{
    private const double Size = 1000;

    // Departments' edges come from their own outlines (a union of hundreds of communes is far too slow for a page).
    private readonly Lazy<IReadOnlyDictionary<string, Geometry>> _departmentEdges =
        new(() => ReadDepartments(departmentOutlines ?? DepartmentOutlines.Load()));

    /// <summary>
    /// Above this many communes, the territory's communes are not all outlined: on a map a few centimetres wide more
    /// lines say nothing. Only those where incidents are stay drawn, so the reader still sees which are hit.
    /// </summary>
    private const int MaxCommunesDrawn = 150;

    public ReportMap Draw(IReadOnlyList<CrisisTerritory> territories, IEnumerable<(double Latitude, double Longitude, bool IsActive)> incidents)
    {
        var points = incidents.ToList();
        var edges = new List<Geometry>();
        var inside = new List<string>();
        foreach (var territory in territories)
        {
            if (territory.Kind == JurisdictionKind.Commune && geography.OutlineOf(territory.Code) is { } outline)
            {
                edges.Add(outline);
            }
            else if (territory.Kind == JurisdictionKind.Department)
            {
                inside.AddRange(geography.CommunesOfDepartment(territory.Code).Select(c => c.InseeCode));
                if (_departmentEdges.Value.TryGetValue(territory.Code!, out var edge)) edges.Add(edge);
            }
        }
        var readable = inside.Count <= MaxCommunesDrawn
            ? inside
            : [.. points.Select(p => geography.LocateCommune(p.Latitude, p.Longitude)?.InseeCode).OfType<string>()
                .Intersect(inside, StringComparer.OrdinalIgnoreCase)];
        var communes = readable.Select(geography.OutlineOf).OfType<Geometry>().ToList();
        if (edges.Count == 0 && communes.Count == 0) return ReportMap.None;

        var envelope = new Envelope();
        edges.Concat(communes).ToList().ForEach(e => envelope.ExpandToInclude(e.EnvelopeInternal));
        var shrink = Math.Cos((envelope.MinY + envelope.MaxY) / 2 * Math.PI / 180);
        var width = Math.Max(envelope.Width * shrink, 1e-6);
        var height = Math.Max(envelope.Height, 1e-6);
        // Landscape or portrait, the longer side is Size; a margin keeps the edge off the frame.
        var scale = Size * 0.96 / Math.Max(width, height);
        var (boxWidth, boxHeight) = (width * scale / 0.96, height * scale / 0.96);
        var (offsetX, offsetY) = ((boxWidth - width * scale) / 2, (boxHeight - height * scale) / 2);
        MapPoint Project(double longitude, double latitude) =>
            new(offsetX + (longitude - envelope.MinX) * shrink * scale, offsetY + (envelope.MaxY - latitude) * scale);

        // Half a unit of the drawing: finer detail is invisible on paper.
        var tolerance = 0.5 / scale;
        var shapes = communes.Select(c => Shape(c, false)).Concat(edges.Select(e => Shape(e, true)))
            .Where(s => s.Rings.Count > 0).ToList();
        var markers = points
            .Where(i => envelope.Contains(i.Longitude, i.Latitude))
            .Select(i => new MapMarker(Project(i.Longitude, i.Latitude), i.IsActive))
            .ToList();
        return new ReportMap(Math.Round(boxWidth), Math.Round(boxHeight), shapes, markers);

        MapShape Shape(Geometry geometry, bool isEdge)
        {
            var simple = TopologyPreservingSimplifier.Simplify(geometry, tolerance);
            var rings = new List<IReadOnlyList<MapPoint>>();
            for (var i = 0; i < simple.NumGeometries; i++)
            {
                if (simple.GetGeometryN(i) is not Polygon polygon) continue;
                rings.Add(Ring(polygon.ExteriorRing));
                rings.AddRange(polygon.InteriorRings.Select(Ring));
            }
            return new MapShape(rings, isEdge);
        }

        IReadOnlyList<MapPoint> Ring(LineString ring) =>
            [.. ring.Coordinates.Select(c => Project(c.X, c.Y))];
    }

    private static IReadOnlyDictionary<string, Geometry> ReadDepartments(DepartmentOutlines outlines)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var features = JsonSerializer.Deserialize<FeatureCollection>(outlines.GeoJson.Span, options) ?? [];
        return features.Where(f => f.Attributes?.Exists("code") == true && f.Geometry is not null)
            .ToDictionary(f => (string)f.Attributes["code"], f => f.Geometry, StringComparer.OrdinalIgnoreCase);
    }
}
