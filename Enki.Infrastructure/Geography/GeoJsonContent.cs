using System.IO.Compression;
using System.Security.Cryptography;

namespace Enki.Infrastructure.Geography;

/// <summary>A GeoJSON document ready to serve: raw bytes, the same gzip-compressed, and a strong entity tag.</summary>
public class GeoJsonContent
{
    protected GeoJsonContent(byte[] geoJson, byte[] gzippedGeoJson)
    {
        GeoJson = geoJson;
        GzippedGeoJson = gzippedGeoJson;
        // Content hash: the data only changes with a new build, so clients can revalidate cheaply.
        ETag = $"\"{Convert.ToHexString(SHA256.HashData(geoJson), 0, 16).ToLowerInvariant()}\"";
    }

    /// <summary>Uncompressed UTF-8 GeoJSON.</summary>
    public ReadOnlyMemory<byte> GeoJson { get; }

    /// <summary>The same GeoJSON gzip-compressed once, served as is to browsers that accept gzip.</summary>
    public ReadOnlyMemory<byte> GzippedGeoJson { get; }

    /// <summary>Strong HTTP entity tag of <see cref="GeoJson"/>, quotes included.</summary>
    public string ETag { get; }

    /// <summary>Wraps GeoJSON built at run time, compressing it once.</summary>
    public static GeoJsonContent Compress(byte[] geoJson)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(geoJson);
        }
        return new GeoJsonContent(geoJson, buffer.ToArray());
    }
}
