namespace Enki.Infrastructure.History.Backfill;

/// <summary>
/// Rebuilding the stream of incidents from before it existed, from the raw NexSIS inbox: a use case of Enki.Application
/// (it reads messages through the intake's own mapping), which this assembly does not reference.
/// </summary>
public interface IHistoryBackfill
{
    /// <summary>Rebuilds the events of every incident that has none; idempotent. Returns the incidents rebuilt.</summary>
    Task<int> RunAsync(CancellationToken cancellationToken = default);
}
