using System.Collections.Immutable;
using Enki.Domain.Mobilisation;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Mobilisation;

/// <summary>Single-server feed: one failing subscriber (a circuit going away) never stops the others.</summary>
public sealed class InProcessMobilisationFeed(ILogger<InProcessMobilisationFeed> logger) : IMobilisationFeed
{
    private ImmutableArray<Func<MobilisationChange, ValueTask>> _subscribers = [];

    public async ValueTask PublishAsync(MobilisationChange change, CancellationToken cancellationToken = default)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                await subscriber(change);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A live subscriber failed to take mobilisation change {Id}", change.RequestId);
            }
        }
    }

    public IDisposable Subscribe(Func<MobilisationChange, ValueTask> onChange)
    {
        ImmutableInterlocked.Update(ref _subscribers, s => s.Add(onChange));
        return new Unsubscriber(this, onChange);
    }

    private sealed class Unsubscriber(InProcessMobilisationFeed feed, Func<MobilisationChange, ValueTask> onChange) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref feed._subscribers, s => s.Remove(onChange));
    }
}
