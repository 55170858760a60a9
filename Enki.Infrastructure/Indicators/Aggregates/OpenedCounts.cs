namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// What every level of the pre-aggregate counts: the real incidents opened and their latest victims by category, and the
/// progress changes dated in it (<see cref="Enki.Domain.Indicators.ProgressTimeline"/>): incidents starting and stopping to
/// count as in progress, and final closings.
/// </summary>
public abstract class OpenedCounts
{
    public int Opened { get; set; }

    public int Deceased { get; set; }

    public int Red { get; set; }

    public int Yellow { get; set; }

    public int Green { get; set; }

    public int Missing { get; set; }

    public int Evacuated { get; set; }

    public int Displaced { get; set; }

    /// <summary>Incidents whose final closing is dated in it (« terminées »).</summary>
    public int Closed { get; set; }

    /// <summary>Incidents that start counting as in progress (opened, or resumed) in it.</summary>
    public int Started { get; set; }

    /// <summary>Incidents that stop counting as in progress (closed) in it.</summary>
    public int Ended { get; set; }
}
