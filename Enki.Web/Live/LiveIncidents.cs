using Enki.Domain.Access;
using Enki.Domain.Incidents;

namespace Enki.Web.Live;

/// <summary>
/// A circuit's view of the change feed: only the changes inside the scope it watches. Callbacks run
/// off the intake's thread, so a slow screen never holds up NexSIS intake; components marshal with
/// <c>InvokeAsync</c>.
/// </summary>
public sealed class LiveIncidents(IIncidentChangeFeed feed, ILogger<LiveIncidents> logger)
{
    public IDisposable Watch(Jurisdiction scope, Func<IReadOnlyList<IncidentChange>, Task> onChanges) =>
        feed.Subscribe(changes =>
        {
            var mine = changes.Where(scope.Covers).ToList();
            if (mine.Count > 0)
            {
                _ = DeliverAsync(onChanges, mine);
            }
            return ValueTask.CompletedTask;
        });

    private async Task DeliverAsync(Func<IReadOnlyList<IncidentChange>, Task> onChanges, IReadOnlyList<IncidentChange> changes)
    {
        try
        {
            // Off the publisher's thread: each screen renders on a pool thread of its own, in parallel,
            // rather than one after the other on the intake's (a free circuit runs InvokeAsync inline).
            await Task.Yield();
            await onChanges(changes);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "A live screen could not take {Count} change(s)", changes.Count);
        }
    }
}
