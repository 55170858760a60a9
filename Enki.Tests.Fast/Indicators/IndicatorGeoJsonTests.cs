using System.Text.Json;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.Indicators;
using Enki.Tests.Geography;

namespace Enki.Tests.Indicators;

/// <summary>Maps of indicators as GeoJSON: each area with the outline the map draws and its figures as properties.</summary>
[Collection(GeographyCollection.Name)]
public sealed class IndicatorGeoJsonTests(GeographyFixture geography)
{
    private readonly IndicatorGeoJson _writer = new(geography.Geography, DepartmentOutlines.Load());

    private static IndicatorResult Map(IndicatorRepresentation representation, params IndicatorRow[] rows) => new(
        IndicatorCatalogue.RatePerInhabitants, "national", "National", default, default, IndicatorStep.Hour, representation, "Europe/Paris", null, rows);

    private static JsonElement Properties(byte[] geoJson, string code) =>
        JsonDocument.Parse(geoJson).RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("code").GetString() == code).GetProperty("properties");

    [Fact]
    public void A_department_map_carries_the_department_outline_and_every_measure()
    {
        var geoJson = _writer.Write(Map(IndicatorRepresentation.DepartmentMap, new IndicatorRow(null, "77", "Seine-et-Marne", null, null, [0.5, 3, 60_000])));

        var feature = JsonDocument.Parse(geoJson).RootElement.GetProperty("features")[0];
        Assert.Contains(feature.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
        var properties = Properties(geoJson, "77");
        Assert.Equal(("Seine-et-Marne", 0.5, 3d, 60_000d),
            (properties.GetProperty("name").GetString(), properties.GetProperty("rate").GetDouble(), properties.GetProperty("count").GetDouble(), properties.GetProperty("population").GetDouble()));
    }

    [Fact]
    public void A_commune_map_keeps_a_rate_that_cannot_be_measured_as_null()
    {
        var geoJson = _writer.Write(Map(IndicatorRepresentation.CommuneMap, new IndicatorRow(null, "77108", "Chelles", null, null, [null, 2, 0])));

        Assert.Equal(JsonValueKind.Null, Properties(geoJson, "77108").GetProperty("rate").ValueKind);
    }
}
