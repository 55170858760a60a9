namespace Enki.Domain.Incidents;

/// <summary>
/// The one change feed from the intake to the live screens. In-process today; a multi-server
/// deployment swaps the implementation for a shared backplane without touching its users.
/// </summary>
public interface IIncidentChangeFeed
{
    /// <summary>Announces changes that are already committed to the store.</summary>
    ValueTask PublishAsync(IReadOnlyList<IncidentChange> changes, CancellationToken cancellationToken = default);

    /// <summary>Receives every change published from now on until the subscription is disposed.</summary>
    IDisposable Subscribe(Func<IReadOnlyList<IncidentChange>, ValueTask> onChanges);
}
