namespace Enki.Domain.Geography;

/// <summary>A current commune (COG "commune-actuelle"), identified by its INSEE code.</summary>
public sealed record Commune(string InseeCode, string Name, string DepartmentCode, string RegionCode, int Population);
