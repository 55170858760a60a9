namespace Enki.Domain.Incidents;

/// <summary>
/// Incident changes on their way to this node's live screens, from the event stream's screens handler
/// once committed. Every node reads the stream itself, so the feed stays in process.
/// </summary>
public interface IIncidentChangeFeed
{
    /// <summary>Announces changes that are already committed to the store.</summary>
    ValueTask PublishAsync(IReadOnlyList<IncidentChange> changes, CancellationToken cancellationToken = default);

    /// <summary>Receives every change published from now on until the subscription is disposed.</summary>
    IDisposable Subscribe(Func<IReadOnlyList<IncidentChange>, ValueTask> onChanges);
}
