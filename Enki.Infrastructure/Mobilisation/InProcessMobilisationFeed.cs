using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Live;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Mobilisation;

/// <summary>Single-server feed of mobilisation changes.</summary>
public sealed class InProcessMobilisationFeed(ILogger<InProcessMobilisationFeed> logger) : IMobilisationFeed
{
    private readonly InProcessSubscribers<MobilisationChange> _subscribers = new(logger);

    public ValueTask PublishAsync(MobilisationChange change, CancellationToken cancellationToken = default) => _subscribers.PublishAsync(change);

    public IDisposable Subscribe(Func<MobilisationChange, ValueTask> onChange) => _subscribers.Add(onChange);
}
