using Enki.Domain.Access;

namespace Enki.Infrastructure.Access;

/// <summary>
/// TEMPORARY: a hard-coded table covering only the demo accounts' territories, so that this branch
/// runs before the reference geography lands. To be deleted and replaced by a directory over
/// <c>FrenchGeography</c> when the branches merge.
/// </summary>
public sealed class StaticTerritoryDirectory : ITerritoryDirectory
{
    private static readonly Dictionary<string, string> CommuneDepartments = new() { ["77108"] = "77", ["35126"] = "35" };
    private static readonly Dictionary<string, string> DepartmentZones = new() { ["77"] = "PARIS", ["35"] = "OUEST" };
    private static readonly HashSet<string> Zones = ["PARIS", "OUEST"];

    public bool CommuneExists(string insee) => CommuneDepartments.ContainsKey(insee);

    public string? DepartmentOfCommune(string insee) => CommuneDepartments.GetValueOrDefault(insee);

    public string? ZoneOfDepartment(string department) => DepartmentZones.GetValueOrDefault(department);

    public bool ZoneExists(string code) => Zones.Contains(code);

    public bool DepartmentExists(string code) => DepartmentZones.ContainsKey(code);
}
