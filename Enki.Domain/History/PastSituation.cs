using Enki.Domain.Incidents;

namespace Enki.Domain.History;

/// <summary>
/// The incidents open at a past instant, rebuilt from the stream of what happened: each event that
/// falls before the instant on the chosen clock is applied, in that clock's order, to the incident it is about.
/// </summary>
public static class PastSituation
{
    public static IReadOnlyList<IncidentThen> OpenAt(IEnumerable<PastEvent> events, DateTimeOffset instant, HistoryClock clock) =>
        [.. KnownAt(events, instant, clock).Where(i => i.IsOpen)];

    /// <summary>
    /// Every incident opened by the instant, those closed by then included (a dashboard still counts the
    /// victims of a case closed in the last 24 hours), each as last reported before the instant, oldest first.
    /// </summary>
    public static IReadOnlyList<IncidentThen> KnownAt(IEnumerable<PastEvent> events, DateTimeOffset instant, HistoryClock clock) =>
        Replay([], events, instant, clock);

    /// <summary>
    /// <paramref name="start"/> (the incidents as they stood at an earlier instant: a snapshot) carried on by
    /// <paramref name="events"/> (those that fall after that instant), to <paramref name="instant"/>. Each incident
    /// is replayed on its own, so a snapshot taken after every earlier event gives what a full replay gives.
    /// </summary>
    public static IReadOnlyList<IncidentThen> Replay(IEnumerable<IncidentThen> start, IEnumerable<PastEvent> events, DateTimeOffset instant,
        HistoryClock clock)
    {
        var incidents = start.ToDictionary(i => i.IncidentId);
        // As known: in the order Enki recorded them. As it was: in the order they happened (the sender's
        // clock), the stream's order breaking ties, so a late message takes its real place.
        var applicable = events.Where(e => e.At(clock) <= instant);
        var ordered = clock == HistoryClock.AsKnown
            ? applicable.OrderBy(e => e.Sequence)
            : applicable.OrderBy(e => e.Event.OccurredAt).ThenBy(e => e.Sequence);
        foreach (var past in ordered)
        {
            var id = past.Event.Incident.IncidentId;
            if (past.Event is IncidentOpened opened)
            {
                incidents[id] = new IncidentThen(id, opened.Incident.CaseId, opened.Incident.CommuneCode, opened.Incident.DepartmentCode,
                    opened.Incident.Status, opened.NatureCode, opened.NatureFamily, opened.NatureLabel, opened.OpenedAt, IncidentVictims.None, 0,
                    opened.Incident.ZoneCode);
            }
            else if (incidents.TryGetValue(id, out var then))
            {
                incidents[id] = Apply(then, past.Event);
            }
            // An update whose opening falls after the instant (on this clock) has nothing to apply to yet.
        }
        return [.. incidents.Values.OrderBy(i => i.OpenedAt).ThenBy(i => i.CaseId, StringComparer.Ordinal)];
    }

    private static IncidentThen Apply(IncidentThen then, IncidentEvent happened) => happened switch
    {
        IncidentRequalified requalified => then with
        {
            NatureCode = requalified.NatureCode, NatureFamily = requalified.NatureFamily, NatureLabel = requalified.NatureLabel,
            Status = requalified.Incident.Status,
        },
        IncidentVictimsChanged victims => then with { Victims = victims.Victims, Status = victims.Incident.Status },
        IncidentResourcesChanged resources => then with { EngagedResources = resources.EngagedCount, Status = resources.Incident.Status },
        _ => then with { Status = happened.Incident.Status },
    };
}
