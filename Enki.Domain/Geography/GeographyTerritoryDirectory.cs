using Enki.Domain.Access;

namespace Enki.Domain.Geography;

/// <summary>The reference geography answering the access rules' questions about territories.</summary>
public sealed class GeographyTerritoryDirectory(FrenchGeography geography) : ITerritoryDirectory
{
    public bool CommuneExists(string insee) => geography.FindCommune(insee) is not null;

    public string? DepartmentOfCommune(string insee) => geography.FindCommune(insee)?.DepartmentCode;

    public string? ZoneOfDepartment(string department) =>
        geography.FindDepartment(department)?.ZoneCode is { Length: > 0 } zone ? zone : null;

    public bool ZoneExists(string code) => geography.FindZone(code) is not null;

    public bool DepartmentExists(string code) => geography.FindDepartment(code) is not null;

    public string Describe(Jurisdiction jurisdiction) => jurisdiction.Kind switch
    {
        JurisdictionKind.Commune when geography.FindCommune(jurisdiction.Code) is { } commune => $"{commune.Name} ({commune.InseeCode})",
        JurisdictionKind.Department when geography.FindDepartment(jurisdiction.Code) is { } department => $"{department.Name} ({department.Code})",
        JurisdictionKind.Zone when geography.FindZone(jurisdiction.Code) is { } zone => zone.Name,
        _ => jurisdiction.Label,
    };
}
