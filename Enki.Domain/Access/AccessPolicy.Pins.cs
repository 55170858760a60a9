using Enki.Domain.Crises;

namespace Enki.Domain.Access;

public static partial class AccessPolicy
{
    /// <summary>
    /// Pinning an indicator to a crisis's dashboard, or taking one off, changes what its crisis room sees:
    /// a contribution right on the crisis, as for its main courante.
    /// </summary>
    public static bool MayPinToCrisis(Viewer viewer, Crisis crisis) => HasCrisisRight(viewer, crisis, ParticipationRight.Contribution);

    /// <summary>A territory's wall takes pins from whoever may open that wall: the territory lies inside their jurisdiction.</summary>
    public static bool MayPinToWall(Viewer viewer, Jurisdiction wall, ITerritoryDirectory directory) =>
        viewer.Profile is not null && viewer.Jurisdiction.Includes(wall, directory);
}
