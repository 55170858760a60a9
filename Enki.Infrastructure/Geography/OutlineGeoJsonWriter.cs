using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Precision;

namespace Enki.Infrastructure.Geography;

/// <summary>
/// Writes outlines as a GeoJSON FeatureCollection with <c>code</c> and <c>name</c> properties,
/// coordinates reduced to 4 decimals (about 10 m, plenty for a map) with repeated points dropped.
/// </summary>
internal static class OutlineGeoJsonWriter
{
    private static readonly PrecisionModel FourDecimals = new(10_000);

    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    public static byte[] Write(IEnumerable<(string Code, string Name, Geometry Outline)> features) =>
        Write(features.Select(f => (f.Outline, new AttributesTable { { "code", f.Code }, { "name", f.Name } })));

    private static readonly PrecisionModel SevenDecimals = new(10_000_000);

    /// <summary>Outlines with properties of the caller's choosing (an indicator's figures).</summary>
    /// <param name="exact">Keeps 7 decimals (about 1 cm) point by point: shapes drawn from coordinates (grid squares), not traced outlines.</param>
    public static byte[] Write(IEnumerable<(Geometry Outline, AttributesTable Properties)> features, bool exact = false)
    {
        var collection = new FeatureCollection();
        foreach (var (outline, properties) in features)
        {
            collection.Add(new Feature(exact ? GeometryPrecisionReducer.ReducePointwise(outline, SevenDecimals) : Reduced(outline), properties));
        }
        return JsonSerializer.SerializeToUtf8Bytes(collection, Options);
    }

    /// <summary>Reads a FeatureCollection written here (the embedded department outlines).</summary>
    public static FeatureCollection Read(ReadOnlySpan<byte> geoJson) =>
        JsonSerializer.Deserialize<FeatureCollection>(geoJson, Options) ?? [];

    /// <summary>
    /// Snap-rounds to the grid, which also removes the points that become repeated and keeps the polygon
    /// valid. A commune smaller than the grid would vanish: it is then rounded point by point instead.
    /// </summary>
    private static Geometry Reduced(Geometry outline)
    {
        var reduced = GeometryPrecisionReducer.Reduce(outline, FourDecimals);
        return reduced.IsEmpty ? GeometryPrecisionReducer.ReducePointwise(outline, FourDecimals) : reduced;
    }
}
