namespace Enki.Domain.Indicators;

/// <summary>A status message of an incident as the progress indicators read it: its place in Enki's order, its sender's time, whether it closes.</summary>
public readonly record struct StatusReport(long Sequence, DateTimeOffset At, bool Closes);

/// <summary>The incident starts (+1) or stops (−1) counting as in progress for every instant after <see cref="At"/>.</summary>
public readonly record struct ProgressStep(DateTimeOffset At, int Change);

/// <summary>
/// When one incident counts as « en cours » and when it was finally closed, from its opening and its status reports.
/// In progress at an instant t: opened before t, and the report of those dated before t that Enki applied last
/// does not close it. That is constant between two of the incident's times (its opening, its reports' times), so it
/// is a few steps at those times; the count of a territory at t is the sum of its incidents' steps before t, which
/// pre-aggregates can keep by hour. Finally closed: the report applied last closes it; dated by the latest closing.
/// </summary>
public sealed record ProgressTimeline(IReadOnlyList<ProgressStep> Steps, DateTimeOffset? FinalClosing)
{
    public static ProgressTimeline Of(DateTimeOffset openedAt, IEnumerable<StatusReport> reports)
    {
        var ordered = reports.OrderBy(r => r.At).ThenBy(r => r.Sequence).ToList();
        var steps = new List<ProgressStep>();
        var (inProgress, lastApplied, next) = (false, (StatusReport?)null, 0);
        var times = ordered.Select(r => r.At).Append(openedAt).Distinct().Order();
        foreach (var time in times)
        {
            // The state for the instants just after this time: every report dated up to it is known.
            for (; next < ordered.Count && ordered[next].At <= time; next++)
            {
                if (lastApplied is not { } applied || ordered[next].Sequence > applied.Sequence) lastApplied = ordered[next];
            }
            var now = openedAt <= time && lastApplied is not { Closes: true };
            if (now != inProgress) steps.Add(new ProgressStep(time, now ? 1 : -1));
            inProgress = now;
        }
        DateTimeOffset? finalClosing = lastApplied is { Closes: true } ? ordered.Where(r => r.Closes).Max(r => r.At) : null;
        return new ProgressTimeline(steps, finalClosing);
    }
}
