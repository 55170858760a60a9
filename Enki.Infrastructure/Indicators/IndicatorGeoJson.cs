using Enki.Domain.Geography;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Geography;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// A map of an indicator as GeoJSON: each commune or department row with its outline (the same embedded
/// outlines the map draws) and, as properties, <c>code</c>, <c>name</c> and one property per measure.
/// </summary>
public sealed class IndicatorGeoJson(FrenchGeography geography, DepartmentOutlines departmentOutlines)
{
    private readonly Lazy<Dictionary<string, Geometry>> _departments = new(() => OutlineGeoJsonWriter.Read(departmentOutlines.GeoJson.Span)
        .Where(f => f.Attributes?["code"] is string)
        .ToDictionary(f => (string)f.Attributes["code"], f => f.Geometry));

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static bool IsSpatial(IndicatorRepresentation representation) =>
        representation is IndicatorRepresentation.CommuneMap or IndicatorRepresentation.DepartmentMap or IndicatorRepresentation.GridMap;

    public byte[] Write(IndicatorResult result)
    {
        return OutlineGeoJsonWriter.Write(
            from row in result.Rows
            let outline = Outline(result.Representation, row.Area)
            where outline is not null
            select (outline, Properties(result.Definition, row)),
            exact: result.Representation == IndicatorRepresentation.GridMap);
    }

    private Geometry? Outline(IndicatorRepresentation representation, string? area) => representation switch
    {
        IndicatorRepresentation.DepartmentMap => area is null ? null : _departments.Value.GetValueOrDefault(area),
        IndicatorRepresentation.GridMap => GridSquare.Parse(area) is { } square ? Polygon(square) : null,
        _ => geography.OutlineOf(area),
    };

    /// <summary>A grid square as a WGS 84 polygon (GeoJSON order: longitude, latitude), what Leaflet draws.</summary>
    public static Polygon Polygon(GridSquare square) =>
        Wgs84.CreatePolygon([.. square.Outline().Select(p => new Coordinate(p.Longitude, p.Latitude))]);

    private static AttributesTable Properties(IndicatorDefinition definition, IndicatorRow row)
    {
        var properties = new AttributesTable { { "code", row.Area }, { "name", row.AreaName } };
        for (var i = 0; i < definition.Measures.Count; i++)
        {
            properties.Add(definition.Measures[i].Code, row.Values[i]);
        }
        return properties;
    }
}
