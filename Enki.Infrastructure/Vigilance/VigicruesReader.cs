using System.Globalization;
using System.Text.Json;
using Enki.Domain.Geography;
using Enki.Domain.Vigilance;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Enki.Infrastructure.Vigilance;

/// <summary>
/// Reads Vigicrues' flood vigilance (« InfoVigiCru », GeoJSON): one feature per river section (tronçon) with its
/// code <c>CdEntCru</c> (or <c>CdEntVigiCru</c>), its name <c>LbEntCru</c> (or <c>NomEntCru</c>), its colour
/// <c>NivInfViCr</c> (1 vert … 4 rouge) and its line. Property names are matched whatever their case, as the
/// published samples differ. Each section is cut by department, with the communes it crosses there.
/// Coordinates in Lambert-93 (metres) are turned into WGS 84. Verified against the documentation only.
/// </summary>
public sealed class VigicruesReader(CommuneCrossings crossings)
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    public VigilanceDocument Read(string geoJson, DateTimeOffset readAt)
    {
        FeatureCollection? features;
        try
        {
            features = JsonSerializer.Deserialize<FeatureCollection>(geoJson, Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw new VigilanceDocumentRejected($"GeoJSON illisible : {e.Message}");
        }
        if (features is null || !geoJson.Contains("\"features\"", StringComparison.Ordinal))
        {
            throw new VigilanceDocumentRejected("Pas de « features » : ce n'est pas une collection GeoJSON de tronçons.");
        }
        var readings = new List<VigilanceReading>();
        var unknowns = new List<string>();
        foreach (var feature in features)
        {
            var code = Property(feature, "CdEntCru", "CdEntVigiCru");
            var label = Property(feature, "LbEntCru", "NomEntCru", "LbEntVigiCru") ?? code;
            var colour = VigilanceColourWords.FromNumber(int.TryParse(Property(feature, "NivInfViCr"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) ? level : null);
            if (code is null || colour is null)
            {
                unknowns.Add($"tronçon sans code ou niveau (« {code ?? label ?? "?"} »)");
                continue;
            }
            var communes = feature.Geometry is { } line ? crossings.Of(Wgs84(line)) : [];
            if (communes.Count == 0)
            {
                unknowns.Add($"tronçon « {code} » hors des communes connues");
                readings.Add(Reading(code, label!, null, colour.Value, readAt, []));
                continue;
            }
            foreach (var department in communes.GroupBy(c => c.DepartmentCode))
            {
                readings.Add(Reading(code, label!, department.Key, colour.Value, readAt, department.Select(c => c.InseeCode).ToList()));
            }
        }
        return new VigilanceDocument(readings, unknowns.Distinct().ToList());
    }

    private static VigilanceReading Reading(string code, string label, string? department, VigilanceColour colour, DateTimeOffset readAt, IReadOnlyList<string> communes) =>
        new(VigilanceSource.Vigicrues, code, label, department, VigilancePhenomenon.Floods, VigilancePhenomenon.Floods.French(), 0, colour, readAt, null, communes);

    private static string? Property(IFeature feature, params string[] names)
    {
        if (feature.Attributes is not { } attributes) return null;
        foreach (var name in names)
        {
            var actual = attributes.GetNames().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (actual is null) continue;
            var text = attributes[actual] switch
            {
                null => null,
                JsonElement { ValueKind: JsonValueKind.String } s => s.GetString(),
                JsonElement { ValueKind: JsonValueKind.Null } => null,
                JsonElement other => other.GetRawText(),
                IConvertible value => value.ToString(CultureInfo.InvariantCulture),
                var value => value.ToString(),
            };
            if (!string.IsNullOrWhiteSpace(text)) return text.Trim();
        }
        return null;
    }

    /// <summary>The line in WGS 84: as is when it already is (longitudes and latitudes), else taken as Lambert-93.</summary>
    private static Geometry Wgs84(Geometry line)
    {
        var envelope = line.EnvelopeInternal;
        if (envelope.MinX >= -180 && envelope.MaxX <= 180 && envelope.MinY >= -90 && envelope.MaxY <= 90) return line;
        var copy = line.Copy();
        copy.Apply(new Lambert93Unprojection());
        copy.GeometryChanged();
        return copy;
    }

    private sealed class Lambert93Unprojection : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence sequence)
        {
            for (var i = 0; i < sequence.Count; i++)
            {
                var (latitude, longitude) = Lambert93.Unproject(sequence.GetX(i), sequence.GetY(i));
                sequence.SetX(i, longitude);
                sequence.SetY(i, latitude);
            }
        }
    }
}
