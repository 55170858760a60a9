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

    public static bool IsSpatial(IndicatorRepresentation representation) =>
        representation is IndicatorRepresentation.CommuneMap or IndicatorRepresentation.DepartmentMap;

    public byte[] Write(IndicatorResult result)
    {
        var departments = result.Representation == IndicatorRepresentation.DepartmentMap;
        return OutlineGeoJsonWriter.Write(
            from row in result.Rows
            let outline = departments ? _departments.Value.GetValueOrDefault(row.Area!) : geography.OutlineOf(row.Area)
            where outline is not null
            select (outline, Properties(result.Definition, row)));
    }

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
