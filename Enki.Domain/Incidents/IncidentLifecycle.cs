namespace Enki.Domain.Incidents;

/// <summary>
/// The whole lifecycle of an incident in one table. A change not listed here is refused loudly
/// (<see cref="IncidentChangeRefused"/>), never silently ignored.
/// </summary>
public static class IncidentLifecycle
{
    private static readonly Dictionary<IncidentStatus, IncidentStatus[]> Allowed = new()
    {
        [IncidentStatus.Reported] = [IncidentStatus.InProgress, IncidentStatus.Suspended, IncidentStatus.Completed, IncidentStatus.Cancelled],
        [IncidentStatus.InProgress] = [IncidentStatus.Suspended, IncidentStatus.Completed, IncidentStatus.Cancelled],
        [IncidentStatus.Suspended] = [IncidentStatus.InProgress, IncidentStatus.Completed, IncidentStatus.Cancelled],
        // A fire can rekindle: a completed incident may resume.
        [IncidentStatus.Completed] = [IncidentStatus.InProgress],
        [IncidentStatus.Cancelled] = [],
    };

    public static bool CanMove(IncidentStatus from, IncidentStatus to) => from == to || Allowed[from].Contains(to);

    /// <exception cref="IncidentChangeRefused">The transition is not in the table.</exception>
    public static void EnsureCanMove(string caseId, IncidentStatus from, IncidentStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new IncidentChangeRefused(
                $"L'incident {caseId} ne peut pas passer de « {from.French()} » à « {to.French()} ».");
        }
    }
}
