using Enki.Domain.Access;

namespace Enki.Domain.Crises;

/// <summary>
/// A commune or a department a crisis covers, with its codes denormalised so that the one
/// jurisdiction filter applies to it as to any located object.
/// </summary>
public sealed record CrisisTerritory(JurisdictionKind Kind, string Code, string Name,
    string? CommuneCode, string? DepartmentCode, string? ZoneCode) : ILocatedInTerritory
{
    public Jurisdiction Jurisdiction => Jurisdiction.Of(Kind, Code);

    /// <exception cref="CrisisRefused">Not a commune or department, or unknown.</exception>
    public static CrisisTerritory Of(Jurisdiction jurisdiction, ITerritoryDirectory directory)
    {
        var known = jurisdiction.Kind switch
        {
            JurisdictionKind.Commune => directory.CommuneExists(jurisdiction.Code!),
            JurisdictionKind.Department => directory.DepartmentExists(jurisdiction.Code!),
            _ => throw new CrisisRefused("Le territoire d'une crise est une liste de communes et de départements."),
        };
        if (!known)
        {
            throw new CrisisRefused($"{jurisdiction.Label} : code inconnu.");
        }
        var place = Territory.Of(jurisdiction, directory);
        return new CrisisTerritory(jurisdiction.Kind, jurisdiction.Code!, directory.Describe(jurisdiction),
            place.CommuneCode, place.DepartmentCode, place.ZoneCode);
    }
}
