namespace Enki.Infrastructure.Nexsis.Intake;

/// <summary>What one intake batch did, for logs, tests and the benchmark.</summary>
public sealed record IntakeOutcome(int Processed, int Quarantined, int Waiting, IReadOnlyList<Guid> ChangedIncidents)
{
    public static readonly IntakeOutcome Nothing = new(0, 0, 0, []);

    public int Total => Processed + Quarantined + Waiting;
}
