using Enki.Domain.Access;

namespace Enki.Domain.Directory;

/// <summary>
/// Where an organisation acts, as a <see cref="Jurisdiction"/>: a commune (a mairie), a department
/// (préfecture, SDIS), a defence zone (COZ, regional operator) or the whole country (COGIC, national partner).
/// </summary>
public static class OrganisationTerritory
{
    /// <summary>
    /// The finest code given wins: commune, then department, then zone, else national. Coarser codes
    /// given alongside must agree with the finer one. Unknown codes are refused.
    /// </summary>
    public static Jurisdiction? From(string? commune, string? department, string? zone, ITerritoryDirectory directory, List<string> errors)
    {
        commune = Clean(commune);
        department = Clean(department);
        zone = Clean(zone);
        if (commune is not null)
        {
            if (!directory.CommuneExists(commune))
            {
                errors.Add($"Commune inconnue : « {commune} » (code INSEE attendu).");
                return null;
            }
            var ofCommune = directory.DepartmentOfCommune(commune);
            if (department is not null && department != ofCommune)
            {
                errors.Add($"La commune {commune} n'est pas dans le département {department}.");
                return null;
            }
            department = ofCommune;
        }
        if (department is not null)
        {
            if (!directory.DepartmentExists(department))
            {
                errors.Add($"Département inconnu : « {department} ».");
                return null;
            }
            var ofDepartment = directory.ZoneOfDepartment(department);
            if (zone is not null && zone != ofDepartment)
            {
                errors.Add($"Le département {department} n'est pas dans la zone {zone}.");
                return null;
            }
        }
        if (zone is not null && department is null && !directory.ZoneExists(zone))
        {
            errors.Add($"Zone de défense inconnue : « {zone} ».");
            return null;
        }
        if (commune is not null) return Jurisdiction.Commune(commune);
        if (department is not null) return Jurisdiction.Department(department);
        return zone is not null ? Jurisdiction.Zone(zone) : Jurisdiction.National;
    }

    /// <summary>The territory an organisation's codes describe.</summary>
    public static Jurisdiction Of(ILocatedInTerritory located)
    {
        if (located.CommuneCode is { } commune) return Jurisdiction.Commune(commune);
        if (located.DepartmentCode is { } department) return Jurisdiction.Department(department);
        return located.ZoneCode is { } zone ? Jurisdiction.Zone(zone) : Jurisdiction.National;
    }

    private static string? Clean(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();
}
