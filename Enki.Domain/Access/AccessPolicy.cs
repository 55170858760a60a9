namespace Enki.Domain.Access;

/// <summary>
/// Every access decision of Enki, in one place: what each profile may see and do on incidents,
/// crises, mobilisation requests, the directory, callers' personal data and accounts. Query services,
/// commands, route gates and pages ask here and nowhere else.
/// Pure functions of the viewer passed in: callers pass the principal of the current query or
/// command each time, so a change of rights is never hidden behind a cached answer.
/// The parts live in <c>AccessPolicy.*.cs</c>, one file per subject.
/// </summary>
public static partial class AccessPolicy
{
    /// <summary>Administration pages: journal, outbox, quarantine, background jobs.</summary>
    public static bool MayAdminister(Viewer viewer) => viewer.Profile == Profile.Administrator;

    /// <summary>
    /// Crisis services that watch over others' work in their territory (ORSEC chain): the préfecture
    /// in its department, the COZ in its zone, the COGIC nationally.
    /// </summary>
    public static bool IsSupervisor(Viewer viewer) => viewer.Profile is Profile.Prefecture or Profile.Coz or Profile.Cogic;
}
