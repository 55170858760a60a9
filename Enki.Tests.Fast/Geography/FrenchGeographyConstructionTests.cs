using Enki.Domain.Geography;
using NetTopologySuite.Geometries;

namespace Enki.Tests.Geography;

/// <summary>Builds tiny geographies by hand to check validation without the embedded data.</summary>
public sealed class FrenchGeographyConstructionTests
{
    private static readonly DefenceZone Zone = new("OUEST", "Zone Ouest", "Rennes");
    private static readonly Region Brittany = new("53", "Bretagne");
    private static readonly Department IlleEtVilaine = new("35", "Ille-et-Vilaine", "53", "OUEST");
    private static readonly Commune Guichen = new("35126", "Guichen", "35", "53", 9000);

    private static FrenchGeography Build(Department department, Commune commune, Dictionary<string, Geometry>? outlines = null) =>
        new([Zone], [Brittany], [department], [commune], outlines ?? []);

    [Fact]
    public void A_square_outline_locates_its_commune_only_inside()
    {
        var square = new GeometryFactory().ToGeometry(new Envelope(-2, -1, 47, 48));
        var geography = Build(IlleEtVilaine, Guichen, new() { ["35126"] = square });

        Assert.Same(Guichen, geography.LocateCommune(47.5, -1.5));
        Assert.Null(geography.LocateCommune(47.5, -0.5));
    }

    [Fact]
    public void Inconsistent_data_is_rejected_at_construction()
    {
        Assert.Throws<ArgumentException>(() => Build(IlleEtVilaine with { ZoneCode = "NORD" }, Guichen));
        Assert.Throws<ArgumentException>(() => Build(IlleEtVilaine with { RegionCode = "11" }, Guichen));
        Assert.Throws<ArgumentException>(() => Build(IlleEtVilaine, Guichen with { DepartmentCode = "56" }));
        Assert.Throws<ArgumentException>(() => Build(IlleEtVilaine, Guichen, new() { ["99999"] = Polygon.Empty }));
    }

    [Fact]
    public void A_commune_from_elsewhere_has_no_zone_and_no_department()
    {
        var geography = Build(IlleEtVilaine, Guichen);
        var stranger = Guichen with { DepartmentCode = "56" };

        Assert.Null(geography.ZoneOf(stranger));
        Assert.Throws<ArgumentException>(() => geography.DepartmentOf(stranger));
        Assert.Null(geography.LocateCommune(47.5, -1.5));
    }
}
