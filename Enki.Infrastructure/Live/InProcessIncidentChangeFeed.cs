using System.Collections.Immutable;
using Enki.Domain.Incidents;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Live;

/// <summary>
/// Change feed for a single server: subscribers are called in turn; one failing subscriber (a circuit
/// that just went away) never stops the others nor the intake.
/// </summary>
public sealed class InProcessIncidentChangeFeed(ILogger<InProcessIncidentChangeFeed> logger) : IIncidentChangeFeed
{
    private ImmutableArray<Subscription> _subscriptions = [];

    public int SubscriberCount => _subscriptions.Length;

    public async ValueTask PublishAsync(IReadOnlyList<IncidentChange> changes, CancellationToken cancellationToken = default)
    {
        if (changes.Count == 0)
        {
            return;
        }
        foreach (var subscription in _subscriptions)
        {
            try
            {
                await subscription.OnChanges(changes);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A live subscriber failed to take {Count} incident change(s)", changes.Count);
            }
        }
    }

    public IDisposable Subscribe(Func<IReadOnlyList<IncidentChange>, ValueTask> onChanges)
    {
        var subscription = new Subscription(this, onChanges);
        ImmutableInterlocked.Update(ref _subscriptions, s => s.Add(subscription));
        return subscription;
    }

    private sealed class Subscription(InProcessIncidentChangeFeed feed, Func<IReadOnlyList<IncidentChange>, ValueTask> onChanges) : IDisposable
    {
        public Func<IReadOnlyList<IncidentChange>, ValueTask> OnChanges { get; } = onChanges;

        public void Dispose() => ImmutableInterlocked.Update(ref feed._subscriptions, s => s.Remove(this));
    }
}
