namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// What every level of the pre-aggregate counts: the real incidents opened and their latest victims by category, and the
/// progress changes dated in it (<see cref="Enki.Domain.Indicators.ProgressTimeline"/>): incidents starting and stopping to
/// count as in progress, and final closings.
/// </summary>
public abstract class OpenedCounts : VictimCounts
{
    public int Opened { get; set; }

    /// <summary>Incidents whose final closing is dated in it (« terminées »).</summary>
    public int Closed { get; set; }

    /// <summary>Incidents that start counting as in progress (opened, or resumed) in it.</summary>
    public int Started { get; set; }

    /// <summary>Incidents that stop counting as in progress (closed) in it.</summary>
    public int Ended { get; set; }

    /// <summary>A coarser level's row filled with the sums of the finer rows it holds.</summary>
    public static T Sum<T>(T into, IReadOnlyCollection<OpenedCounts> rows) where T : OpenedCounts
    {
        into.Opened = rows.Sum(r => r.Opened);
        into.Deceased = rows.Sum(r => r.Deceased);
        into.Red = rows.Sum(r => r.Red);
        into.Yellow = rows.Sum(r => r.Yellow);
        into.Green = rows.Sum(r => r.Green);
        into.Missing = rows.Sum(r => r.Missing);
        into.Evacuated = rows.Sum(r => r.Evacuated);
        into.Displaced = rows.Sum(r => r.Displaced);
        into.Closed = rows.Sum(r => r.Closed);
        into.Started = rows.Sum(r => r.Started);
        into.Ended = rows.Sum(r => r.Ended);
        return into;
    }
}
