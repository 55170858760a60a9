using System.Collections.Concurrent;
using Enki.Domain.Geography;

namespace Enki.Infrastructure.Geography;

/// <summary>
/// Commune outlines of one department as GeoJSON (properties <c>code</c> and <c>name</c>), built on
/// first request from <see cref="FrenchGeography.OutlineOf"/> and kept in memory with its gzip form.
/// </summary>
public sealed class CommuneOutlines(FrenchGeography geography)
{
    private readonly ConcurrentDictionary<string, Lazy<GeoJsonContent>> _byDepartment = new(StringComparer.Ordinal);

    /// <summary>The department's communes, or null when the department is unknown.</summary>
    public GeoJsonContent? OfDepartment(string? departmentCode)
    {
        if (geography.FindDepartment(departmentCode) is not { } department)
        {
            return null;
        }
        return _byDepartment.GetOrAdd(department.Code, code => new Lazy<GeoJsonContent>(() => Build(code))).Value;
    }

    private GeoJsonContent Build(string departmentCode) =>
        GeoJsonContent.Compress(OutlineGeoJsonWriter.Write(
            from commune in geography.CommunesOfDepartment(departmentCode)
            let outline = geography.OutlineOf(commune.InseeCode)
            where outline is not null
            select (commune.InseeCode, commune.Name, outline)));
}
