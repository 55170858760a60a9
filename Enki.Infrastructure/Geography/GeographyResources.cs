using System.IO.Compression;

namespace Enki.Infrastructure.Geography;

/// <summary>Access to the geography data files embedded in this assembly (see tools/geo-data).</summary>
internal static class GeographyResources
{
    public const string Zones = "zones.tsv";
    public const string Regions = "regions.tsv";
    public const string Departments = "departments.tsv";
    public const string Communes = "communes.tsv.gz";
    public const string CommuneOutlines = "commune-outlines.bin.gz";
    public const string DepartmentOutlines = "departement-outlines.geojson.gz";

    // Must match the LogicalName given in Enki.Infrastructure.csproj.
    private const string Prefix = "Enki.Geography.";

    /// <summary>Opens a resource, transparently decompressing .gz files.</summary>
    public static Stream Open(string name)
    {
        var stream = OpenStored(name);
        return name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    public static byte[] ReadAllBytes(string name, bool decompress = true)
    {
        using var stream = decompress ? Open(name) : OpenStored(name);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static Stream OpenStored(string name) =>
        typeof(GeographyResources).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"Embedded geography resource '{name}' is missing.");

    /// <summary>Rows of a tab-separated resource, header line skipped.</summary>
    public static IEnumerable<string[]> ReadTsv(string name)
    {
        using var reader = new StreamReader(Open(name));
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line.Split('\t');
            }
        }
    }
}
