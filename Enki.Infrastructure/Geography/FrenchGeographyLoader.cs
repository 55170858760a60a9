using Enki.Domain.Geography;

namespace Enki.Infrastructure.Geography;

/// <summary>Builds <see cref="FrenchGeography"/> from the embedded data (no file system or network access).</summary>
public static class FrenchGeographyLoader
{
    public static FrenchGeography Load()
    {
        var zones = GeographyResources.ReadTsv(GeographyResources.Zones)
            .Select(f => new DefenceZone(f[0], f[1], f[2]));
        var regions = GeographyResources.ReadTsv(GeographyResources.Regions)
            .Select(f => new Region(f[0], f[1]));
        var departments = GeographyResources.ReadTsv(GeographyResources.Departments)
            .Select(f => new Department(f[0], f[1], f[2], f[3]));
        var communes = GeographyResources.ReadTsv(GeographyResources.Communes)
            .Select(f => new Commune(f[0], f[1], f[2], f[3], int.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture)));
        var outlines = CommuneOutlineReader.Read(GeographyResources.ReadAllBytes(GeographyResources.CommuneOutlines));
        return new FrenchGeography(zones, regions, departments, communes, outlines);
    }
}
