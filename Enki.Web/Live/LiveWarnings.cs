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

    public IDisposable Watch(Viewer viewer, Func<WarningChange, Task> onChange)
    {
        var organisation = WarningQueries.OrganisationKey(viewer);
        return principal.Guard(feed.Subscribe(change =>
        {
            var concerns = change.Kind == WarningChangeKind.Delivered ? change.UserId == viewer.Id : change.OwnerCode == organisation || change.OwnerCode == viewer.Id;
            if (concerns && !principal.IsRevoked) ScreenDelivery.Start(onChange, change, logger, "a warning");
            return ValueTask.CompletedTask;
        }));
    }
}
