using Enki.Domain.Access;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Live;

namespace Enki.Web.Live;

/// <summary>
/// A circuit's view of the mobilisation feed: only the changes that concern the viewer (addressed to
/// their commune, or issued by their service). Delivered off the publisher's thread, so a slow
/// screen never holds up the person who acted. Ends with the circuit's session.
/// </summary>
public sealed class LiveMobilisations(IMobilisationFeed feed, CircuitPrincipal principal, ILogger<LiveMobilisations> logger)
{
    public IDisposable Watch(Viewer viewer, Func<MobilisationChange, Task> onChange) =>
        principal.Guard(feed.Subscribe(change =>
        {
            if (AccessPolicy.IsPartyTo(viewer, change) && !principal.IsRevoked) ScreenDelivery.Start(onChange, change, logger, "a mobilisation change");
            return ValueTask.CompletedTask;
        }));
}
