using Enki.Domain.Incidents;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Live;

/// <summary>
/// Change feed for a single server. Subscribers are called in turn on the publisher's thread, so a
/// cache they invalidate is cleared before any screen asks again; screens do their own work off it.
/// </summary>
public sealed class InProcessIncidentChangeFeed(ILogger<InProcessIncidentChangeFeed> logger) : IIncidentChangeFeed
{
    private readonly InProcessSubscribers<IReadOnlyList<IncidentChange>> _subscribers = new(logger);

    public ValueTask PublishAsync(IReadOnlyList<IncidentChange> changes, CancellationToken cancellationToken = default) =>
        changes.Count == 0 ? ValueTask.CompletedTask : _subscribers.PublishAsync(changes);

    public IDisposable Subscribe(Func<IReadOnlyList<IncidentChange>, ValueTask> onChanges) => _subscribers.Add(onChanges);
}
