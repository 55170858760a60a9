namespace Enki.Domain.Incidents;

/// <summary>
/// The whole lifecycle of an incident in one table. Messages are applied in the order of their
/// senders' clocks, not of their arrival: a newer status may come before the ones between, so a
/// change is accepted when the table leads there in one or more steps. One it never leads to (back
/// to « Signalé », out of « Annulé ») is refused loudly (<see cref="IncidentChangeRefused"/>),
/// never silently ignored.
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

    /// <summary>True when the table leads from one status to the other, in any number of steps.</summary>
    public static bool CanMove(IncidentStatus from, IncidentStatus to)
    {
        var seen = new HashSet<IncidentStatus> { from };
        var next = new Queue<IncidentStatus>([from]);
        while (next.TryDequeue(out var status))
        {
            if (status == to)
            {
                return true;
            }
            foreach (var following in Allowed[status].Where(seen.Add))
            {
                next.Enqueue(following);
            }
        }
        return false;
    }

    /// <exception cref="IncidentChangeRefused">The table never leads there.</exception>
    public static void EnsureCanMove(string caseId, IncidentStatus from, IncidentStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new IncidentChangeRefused(
                $"L'incident {caseId} ne peut pas passer de « {from.French()} » à « {to.French()} ».");
        }
    }
}
