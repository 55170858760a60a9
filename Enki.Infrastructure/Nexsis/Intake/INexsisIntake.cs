namespace Enki.Infrastructure.Nexsis.Intake;

/// <summary>
/// Applying stored NexSIS payloads to incidents: a use case of Enki.Application, which this assembly
/// does not reference; the intake job drains the inbox through this port.
/// </summary>
public interface INexsisIntake
{
    /// <summary>Applies one batch of pending payloads, in one unit of work.</summary>
    Task<IntakeOutcome> ProcessBatchAsync(CancellationToken cancellationToken = default);

    /// <summary>Updates that waited too long for their case go to quarantine.</summary>
    Task<int> ExpireWaitingUpdatesAsync(CancellationToken cancellationToken = default);
}
