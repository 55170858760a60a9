using System.Security.Cryptography;

namespace Enki.Infrastructure.Geography;

/// <summary>Department outlines (metropolitan and overseas) as GeoJSON for the map, properties <c>code</c> and <c>nom</c>.</summary>
public sealed class DepartmentOutlines
{
    private DepartmentOutlines(byte[] geoJson, byte[] gzippedGeoJson)
    {
        GeoJson = geoJson;
        GzippedGeoJson = gzippedGeoJson;
        // Content hash: the data only changes with a new build, so clients can revalidate cheaply.
        ETag = $"\"{Convert.ToHexString(SHA256.HashData(geoJson), 0, 16).ToLowerInvariant()}\"";
    }

    /// <summary>Uncompressed UTF-8 GeoJSON FeatureCollection.</summary>
    public ReadOnlyMemory<byte> GeoJson { get; }

    /// <summary>The same GeoJSON as stored, gzip-compressed at build time: served as is to browsers that accept gzip.</summary>
    public ReadOnlyMemory<byte> GzippedGeoJson { get; }

    /// <summary>Strong HTTP entity tag of <see cref="GeoJson"/>, quotes included.</summary>
    public string ETag { get; }

    public static DepartmentOutlines Load() =>
        new(GeographyResources.ReadAllBytes(GeographyResources.DepartmentOutlines),
            GeographyResources.ReadAllBytes(GeographyResources.DepartmentOutlines, decompress: false));
}
