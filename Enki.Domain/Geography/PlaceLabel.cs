namespace Enki.Domain.Geography;

/// <summary>How pickers name a place: a commune always with its department, so homonyms read apart (« Chelles (Oise) », « Chelles (Seine-et-Marne) »).</summary>
public static class PlaceLabel
{
    public static string Of(Commune commune, FrenchGeography geography) =>
        $"{commune.Name} ({geography.FindDepartment(commune.DepartmentCode)?.Name ?? commune.DepartmentCode})";

    public static string Of(Department department) => $"{department.Name} ({department.Code})";
}
