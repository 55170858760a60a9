using System.Linq.Expressions;
using Enki.Domain.Directory;

namespace Enki.Domain.Access;

public static partial class AccessPolicy
{
    /// <summary>
    /// Which organisations a viewer sees. A crisis room must reach both the people it coordinates and
    /// the people it reports to, so a viewer sees the organisations whose territory is <b>inside</b> its
    /// jurisdiction <b>or covers it</b>: the department-level services of its department, the zone-level
    /// ones of its zone, and the national ones. Never a sibling: the mayor of Guichen sees Guichen, the
    /// préfecture and SDIS of Ille-et-Vilaine, zone Ouest and national organisations, never the mairie of
    /// Chelles nor another commune's.
    /// </summary>
    public static Expression<Func<Organisation, bool>> OrganisationsVisible(Viewer viewer, ITerritoryDirectory directory)
    {
        var place = Territory.Of(viewer.Jurisdiction, directory);
        var department = place.DepartmentCode;
        var zone = place.ZoneCode;
        Expression<Func<Organisation, bool>> covering = viewer.Jurisdiction.Kind switch
        {
            JurisdictionKind.National => o => false,
            JurisdictionKind.Zone => o => o.ZoneCode == null,
            JurisdictionKind.Department => o => o.DepartmentCode == null && (o.ZoneCode == null || o.ZoneCode == zone),
            _ => o => (o.CommuneCode == null && o.DepartmentCode == department)
                      || (o.DepartmentCode == null && (o.ZoneCode == null || o.ZoneCode == zone)),
        };
        return FilterJoin.AnyOf(JurisdictionFilter.For<Organisation>(viewer.Jurisdiction), covering);
    }

    public static bool SeesOrganisation(Viewer viewer, Organisation organisation, ITerritoryDirectory directory) =>
        OrganisationsVisible(viewer, directory).Compile()(organisation);

    /// <summary>Who may write the directory at all: administrators, préfectures.</summary>
    public static bool MayEditDirectory(Viewer viewer) => viewer.Profile is Profile.Administrator or Profile.Prefecture;

    /// <summary>An existing organisation, or the territory a new one would have: administrators anywhere, a préfecture inside its department.</summary>
    public static bool MayEditOrganisation(Viewer viewer, ILocatedInTerritory territory) =>
        viewer.Profile == Profile.Administrator || (viewer.Profile == Profile.Prefecture && viewer.Covers(territory));

    public static string DirectoryRefusal(Viewer viewer) => MayEditDirectory(viewer)
        ? "Cette organisation est hors de votre département : seule l'administration peut la modifier."
        : "Seuls l'administration et les préfectures peuvent modifier l'annuaire.";
}
