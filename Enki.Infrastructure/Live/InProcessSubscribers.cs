using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Live;

/// <summary>
/// The subscriber list behind every in-process feed (incidents, logbook, mobilisation): lock-free,
/// subscribers called in turn, and one failing subscriber (a circuit that just went away) never
/// stops the others nor the publisher.
/// </summary>
public sealed class InProcessSubscribers<T>(ILogger logger)
{
    private ImmutableArray<Func<T, ValueTask>> _subscribers = [];

    public int Count => _subscribers.Length;

    public async ValueTask PublishAsync(T message)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                await subscriber(message);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A live subscriber failed to take {Message}", typeof(T).Name);
            }
        }
    }

    public IDisposable Add(Func<T, ValueTask> subscriber)
    {
        ImmutableInterlocked.Update(ref _subscribers, s => s.Add(subscriber));
        return new Unsubscriber(this, subscriber);
    }

    private sealed class Unsubscriber(InProcessSubscribers<T> owner, Func<T, ValueTask> subscriber) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref owner._subscribers, s => s.Remove(subscriber));
    }
}
