namespace Enki.Domain.Access;

/// <summary>
/// Callers' names, phone numbers and e-mail addresses: the SDIS needs them to call back, for its own
/// territory; nobody else sees them, administrators included. A message placed nowhere shows them to no one.
/// </summary>
public static class CallerData
{
    public static bool VisibleTo(Viewer viewer, ILocatedInTerritory? territory) =>
        viewer.Profile == Profile.Sdis && territory is not null && viewer.Jurisdiction.Covers(territory)
        && (territory.CommuneCode ?? territory.DepartmentCode ?? territory.ZoneCode) is not null;
}
