using Enki.Domain.Access;

namespace Enki.Domain.Geography;

/// <summary>
/// Territories found by what people type: a name (« Chelles », « seine ») or a code (« 77108 »,
/// « 77 »). Wider territories first, then communes whose name starts with the text, then the others,
/// the most populated first: « Saint-Denis » finds the big one before the hamlets of the same name.
/// </summary>
public static class TerritorySearch
{
    /// <param name="withWideScales">Also the defence zones and the national level (an organisation taking part in a crisis can be one).</param>
    public static IEnumerable<Jurisdiction> Find(FrenchGeography geography, string? text, bool withWideScales)
    {
        var wanted = text?.Trim() ?? "";
        if (wanted.Length < 2) return [];
        bool Matches(string name, string code) =>
            name.Contains(wanted, StringComparison.CurrentCultureIgnoreCase) || code.StartsWith(wanted, StringComparison.OrdinalIgnoreCase);
        IEnumerable<Jurisdiction> national = withWideScales && Matches("National, France entière", "national") ? [Jurisdiction.National] : [];
        var zones = withWideScales ? geography.Zones.Where(z => Matches(z.Name, z.Code)).Select(z => Jurisdiction.Zone(z.Code)) : [];
        var departments = geography.Departments.Where(d => Matches(d.Name, d.Code)).Select(d => Jurisdiction.Departement(d.Code));
        var communes = geography.Communes.Where(c => Matches(c.Name, c.InseeCode))
            .OrderBy(c => !c.Name.StartsWith(wanted, StringComparison.CurrentCultureIgnoreCase)).ThenByDescending(c => c.Population)
            .Select(c => Jurisdiction.Commune(c.InseeCode));
        return national.Concat(zones).Concat(departments).Concat(communes);
    }
}
