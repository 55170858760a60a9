namespace Enki.Domain.Geography;

/// <summary>How pickers name a place: a commune always with its department, so homonyms read apart (« Chelles (Oise) », « Chelles (Seine-et-Marne) »).</summary>
public static class PlaceLabel
{
    public static string Of(Commune commune, FrenchGeography geography) =>
        $"{commune.Name} ({geography.FindDepartment(commune.DepartmentCode)?.Name ?? commune.DepartmentCode})";

    public static string Of(Department department) => $"{department.Name} ({department.Code})";

    /// <summary>A territory as a picker lists it: communes with their department, departments with their number.</summary>
    public static string Of(Access.Jurisdiction place, FrenchGeography geography) => place.Kind switch
    {
        Access.JurisdictionKind.Commune when geography.FindCommune(place.Code) is { } commune => Of(commune, geography),
        Access.JurisdictionKind.Department when geography.FindDepartment(place.Code) is { } department => Of(department),
        Access.JurisdictionKind.Zone when geography.FindZone(place.Code) is { } zone => zone.Name,
        _ => place.Label,
    };
}
