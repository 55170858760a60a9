namespace Enki.Infrastructure.Geography;

/// <summary>Department outlines (metropolitan and overseas) as GeoJSON for the map, properties <c>code</c> and <c>name</c>.</summary>
public sealed class DepartmentOutlines : GeoJsonContent
{
    private DepartmentOutlines(byte[] geoJson, byte[] gzippedGeoJson) : base(geoJson, gzippedGeoJson)
    {
    }

    public static DepartmentOutlines Load() =>
        new(GeographyResources.ReadAllBytes(GeographyResources.DepartmentOutlines),
            GeographyResources.ReadAllBytes(GeographyResources.DepartmentOutlines, decompress: false));
}
