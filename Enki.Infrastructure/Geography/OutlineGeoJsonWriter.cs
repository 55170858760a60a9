using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Enki.Infrastructure.Geography;

/// <summary>
/// Writes outlines as a GeoJSON FeatureCollection with <c>code</c> and <c>nom</c> properties,
/// coordinates rounded to 4 decimals (about 10 m, plenty for a map) and repeated points dropped.
/// </summary>
internal static class OutlineGeoJsonWriter
{
    private const int Decimals = 4;

    public static byte[] Write(IEnumerable<(string Code, string Name, Geometry Outline)> features)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var (code, name, outline) in features)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteStartObject("properties");
                json.WriteString("code", code);
                json.WriteString("nom", name);
                json.WriteEndObject();
                WriteGeometry(json, outline);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteGeometry(Utf8JsonWriter json, Geometry outline)
    {
        var polygons = Enumerable.Range(0, outline.NumGeometries).Select(i => outline.GetGeometryN(i)).OfType<Polygon>().ToList();
        json.WriteStartObject("geometry");
        json.WriteString("type", polygons.Count == 1 ? "Polygon" : "MultiPolygon");
        json.WriteStartArray("coordinates");
        foreach (var polygon in polygons)
        {
            if (polygons.Count > 1) json.WriteStartArray();
            WriteRing(json, polygon.ExteriorRing);
            foreach (var hole in polygon.InteriorRings) WriteRing(json, hole);
            if (polygons.Count > 1) json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRing(Utf8JsonWriter json, LineString ring)
    {
        var points = Rounded(ring.CoordinateSequence);
        json.WriteStartArray();
        foreach (var (x, y) in points)
        {
            json.WriteStartArray();
            json.WriteNumberValue(x);
            json.WriteNumberValue(y);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static List<(double X, double Y)> Rounded(CoordinateSequence sequence)
    {
        var all = new List<(double, double)>(sequence.Count);
        var distinct = new List<(double, double)>(sequence.Count);
        for (var i = 0; i < sequence.Count; i++)
        {
            var point = (Math.Round(sequence.GetX(i), Decimals), Math.Round(sequence.GetY(i), Decimals));
            all.Add(point);
            if (distinct.Count == 0 || distinct[^1] != point) distinct.Add(point);
        }
        // A tiny ring could collapse once rounded: keep every point rather than an invalid ring.
        return distinct.Count >= 4 ? distinct : all;
    }
}
