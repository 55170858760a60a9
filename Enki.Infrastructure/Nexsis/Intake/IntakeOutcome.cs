namespace Enki.Infrastructure.Nexsis.Intake;

/// <summary>What one intake batch did, for logs, tests and the benchmark.</summary>
/// <param name="AcceptedDistributions">Applied distributions carrying a case: each is owed an acknowledgement (recorded with the batch).</param>
public sealed record IntakeOutcome(
    int Processed,
    int Quarantined,
    int Waiting,
    IReadOnlyList<Guid> ChangedIncidents,
    IReadOnlyList<string> AcceptedDistributions)
{
    public static readonly IntakeOutcome Nothing = new(0, 0, 0, [], []);

    public int Total => Processed + Quarantined + Waiting;
}
