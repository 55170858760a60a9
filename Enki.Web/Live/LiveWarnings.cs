using Enki.Domain.Access;
using Enki.Infrastructure.Live;
using Enki.Infrastructure.Warnings;

namespace Enki.Web.Live;

/// <summary>
/// A circuit's view of the warnings feed: deliveries to the viewer, and every acknowledgement or
/// escalation of their organisation's warnings (the others' acknowledgements end their own « à traiter »).
/// Delivered off the publisher's thread; ends with the circuit's session.
/// </summary>
public sealed class LiveWarnings(IWarningFeed feed, CircuitPrincipal principal, ILogger<LiveWarnings> logger)
{
    /// <summary>This circuit marked warnings read or acknowledged them: the bell counts again (no event goes through the stream for a read).</summary>
    public event Action? SeenHere;

    public void Seen() => SeenHere?.Invoke();

    /// <param name="shown">Whether a warning is on the watcher's screen: its acknowledgement or escalation concerns that screen even when the
    /// warning is another organisation's (one that reached this person by escalation).</param>
    public IDisposable Watch(Viewer viewer, Func<WarningChange, Task> onChange, Func<Guid, bool>? shown = null)
    {
        var organisation = WarningQueries.OrganisationKey(viewer);
        return principal.Guard(feed.Subscribe(change =>
        {
            var concerns = change.Kind == WarningChangeKind.Delivered
                ? change.UserId == viewer.Id
                : change.OwnerCode == organisation || change.OwnerCode == viewer.Id || shown?.Invoke(change.WarningId) == true;
            if (concerns && !principal.IsRevoked) ScreenDelivery.Start(onChange, change, logger, "a warning");
            return ValueTask.CompletedTask;
        }));
    }
}
