using Enki.Domain.Warnings;

namespace Enki.Domain.Access;

public static partial class AccessPolicy
{
    /// <summary>Profiles that receive warnings and own rules (partners have no account to warn).</summary>
    public static bool MayHaveWarnings(Viewer viewer) => viewer.Profile is not null && !string.IsNullOrEmpty(viewer.Id);

    /// <summary>
    /// Who may set a rule for an owner: the person for themselves, anyone of the organisation for it
    /// (its profile over its jurisdiction). The rule's territory is then checked inside that jurisdiction by the rule itself.
    /// </summary>
    public static bool MayManageRulesOf(Viewer viewer, WarningOwner owner) =>
        MayHaveWarnings(viewer) && (owner.Kind == WarningOwnerKind.Person
            ? owner.Code == viewer.Id && owner.Profile == viewer.Profile && owner.Jurisdiction == viewer.Jurisdiction
            : owner.Code == WarningOwner.OrganisationKey(viewer.Profile!.Value, viewer.Jurisdiction));

    /// <summary>
    /// A warning is read by those it is addressed to (its recipients, their organisation) and by the
    /// supervisors over its place (préfecture, COZ, COGIC: the crisis room sees who was warned); never by a sibling territory.
    /// </summary>
    public static bool MayReadWarning(Viewer viewer, bool addressed, ILocatedInTerritory place) =>
        MayHaveWarnings(viewer) && (addressed || (IsSupervisor(viewer) && viewer.Covers(place)));

    /// <summary>
    /// Who orders an organisation's escalation list and sets who is on duty there: administrators, the préfecture
    /// over its department (its own services and the communes in it), and the organisation's own members.
    /// </summary>
    public static bool MayManageEscalationOf(Viewer viewer, Profile profile, Jurisdiction jurisdiction, ITerritoryDirectory directory) =>
        MayHaveWarnings(viewer) && (viewer.Profile == Profile.Administrator
            || (viewer.Profile == profile && viewer.Jurisdiction == jurisdiction)
            || (viewer.Profile == Profile.Prefecture && viewer.Jurisdiction.Includes(jurisdiction, directory)));
}
