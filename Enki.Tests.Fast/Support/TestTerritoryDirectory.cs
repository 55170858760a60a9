using Enki.Domain.Access;

namespace Enki.Tests.Support;

/// <summary>A few real communes, departments and zones, enough for the access tests.</summary>
public sealed class TestTerritoryDirectory : ITerritoryDirectory
{
    private static readonly Dictionary<string, string> Communes = new()
    {
        ["77108"] = "77", ["77288"] = "77", ["35126"] = "35", ["35238"] = "35", ["75056"] = "75",
    };
    private static readonly Dictionary<string, string> Departments = new() { ["77"] = "PARIS", ["75"] = "PARIS", ["35"] = "OUEST" };

    public bool CommuneExists(string insee) => Communes.ContainsKey(insee);

    public string? DepartmentOfCommune(string insee) => Communes.GetValueOrDefault(insee);

    public string? ZoneOfDepartment(string department) => Departments.GetValueOrDefault(department);

    public bool ZoneExists(string code) => Departments.ContainsValue(code);

    public bool DepartmentExists(string code) => Departments.ContainsKey(code);

    public string Describe(Jurisdiction jurisdiction) => jurisdiction.Label;
}
