namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>What both levels of the opening pre-aggregate count: the real incidents opened and their latest victims by category.</summary>
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
}
