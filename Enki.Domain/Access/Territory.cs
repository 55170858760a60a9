namespace Enki.Domain.Access;

/// <summary>
/// Anything placed on the map of France: the codes are denormalised on the object so that
/// a jurisdiction check is a plain column comparison in the database.
/// </summary>
public interface ILocatedInTerritory
{
    string? CommuneCode { get; }

    string? DepartmentCode { get; }

    string? ZoneCode { get; }
}

/// <summary>A place given by its three codes; a coarser place leaves the finer codes null.</summary>
public sealed record Territory(string? CommuneCode, string? DepartmentCode, string? ZoneCode) : ILocatedInTerritory
{
    public static Territory Nowhere { get; } = new(null, null, null);

    /// <summary>The territory a jurisdiction itself occupies (for accounts and audit rows).</summary>
    public static Territory Of(Jurisdiction jurisdiction, ITerritoryDirectory directory)
    {
        switch (jurisdiction.Kind)
        {
            case JurisdictionKind.Zone:
                return new Territory(null, null, jurisdiction.Code);
            case JurisdictionKind.Department:
                return new Territory(null, jurisdiction.Code, directory.ZoneOfDepartment(jurisdiction.Code!));
            case JurisdictionKind.Commune:
                var department = directory.DepartmentOfCommune(jurisdiction.Code!);
                return new Territory(jurisdiction.Code, department,
                    department is null ? null : directory.ZoneOfDepartment(department));
            default:
                return Nowhere;
        }
    }
}

/// <summary>Port to the reference geography (communes, departments, defence zones).</summary>
public interface ITerritoryDirectory
{
    bool CommuneExists(string insee);

    string? DepartmentOfCommune(string insee);

    string? ZoneOfDepartment(string department);

    bool ZoneExists(string code);

    bool DepartmentExists(string code);

    /// <summary>The jurisdiction in words, with names (« Chelles (77108) »).</summary>
    string Describe(Jurisdiction jurisdiction);
}
