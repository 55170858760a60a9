using Enki.Domain.Access;
using Enki.Domain.Mobilisation;

namespace Enki.Web.Live;

/// <summary>
/// A circuit's view of the mobilisation feed: only the changes that concern the viewer (addressed to
/// their commune, or issued by their service). Delivered off the publisher's thread, so a slow
/// screen never holds up the person who acted.
/// </summary>
public sealed class LiveMobilisations(IMobilisationFeed feed, ILogger<LiveMobilisations> logger)
{
    public IDisposable Watch(Viewer viewer, Func<MobilisationChange, Task> onChange) =>
        feed.Subscribe(change =>
        {
            if (change.Concerns(viewer)) _ = DeliverAsync(onChange, change);
            return ValueTask.CompletedTask;
        });

    private async Task DeliverAsync(Func<MobilisationChange, Task> onChange, MobilisationChange change)
    {
        try
        {
            // Off the publisher's thread (a free circuit would otherwise render inline on it).
            await Task.Yield();
            await onChange(change);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "A live screen could not take mobilisation change {Id}", change.RequestId);
        }
    }
}
