namespace Enki.Domain.Crises;

/// <summary>Where a crisis stands.</summary>
public enum CrisisStatus
{
    Ongoing,
    Ended,
}

public static class CrisisStatusLabels
{
    public static string French(this CrisisStatus status) => status == CrisisStatus.Ongoing ? "En cours" : "Terminée";
}

/// <summary>The whole lifecycle of a crisis in one table: a change not listed here is refused.</summary>
public static class CrisisLifecycle
{
    private static readonly Dictionary<CrisisStatus, CrisisStatus[]> Allowed = new()
    {
        [CrisisStatus.Ongoing] = [CrisisStatus.Ended],
        // A crisis closed too early (a second flood wave) is reopened rather than duplicated.
        [CrisisStatus.Ended] = [CrisisStatus.Ongoing],
    };

    public static bool CanMove(CrisisStatus from, CrisisStatus to) => Allowed[from].Contains(to);

    /// <exception cref="CrisisRefused">The transition is not in the table.</exception>
    public static void EnsureCanMove(CrisisStatus from, CrisisStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new CrisisRefused($"Une crise « {from.French()} » ne peut pas passer à « {to.French()} ».");
        }
    }
}
