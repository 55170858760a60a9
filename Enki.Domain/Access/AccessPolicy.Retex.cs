using Enki.Domain.Crises;

namespace Enki.Domain.Access;

public static partial class AccessPolicy
{
    /// <summary>
    /// A crisis's after-action review (RETEX) is read by whoever reads the crisis, written and frozen by
    /// its pilots only: it judges how the crisis was led.
    /// </summary>
    public static bool MayWriteRetex(Viewer viewer, Crisis crisis) => HasCrisisRight(viewer, crisis, ParticipationRight.Lead);
}
