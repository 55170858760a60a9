using Enki.Domain.Access;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Live;

namespace Enki.Web.Live;

/// <summary>
/// A circuit's view of the change feed: only the changes inside the scope it watches. Callbacks run
/// off the intake's thread, so a slow screen never holds up NexSIS intake; components marshal with
/// <c>InvokeAsync</c>. Ends with the circuit's session.
/// </summary>
public sealed class LiveIncidents(IIncidentChangeFeed feed, CircuitPrincipal principal, ILogger<LiveIncidents> logger)
{
    public IDisposable Watch(Jurisdiction scope, Func<IReadOnlyList<IncidentChange>, Task> onChanges) =>
        principal.Guard(feed.Subscribe(changes =>
        {
            if (principal.IsRevoked) return ValueTask.CompletedTask;
            IReadOnlyList<IncidentChange> mine = changes.Where(scope.Covers).ToList();
            if (mine.Count > 0)
            {
                ScreenDelivery.Start(onChanges, mine, logger, "some incident changes");
            }
            return ValueTask.CompletedTask;
        }));
}
