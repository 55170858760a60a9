using System.Collections.Immutable;
using Enki.Domain.Logbook;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Live;

/// <summary>Logbook feed for a single server: each screen hears only its crisis; a failing screen never stops the others.</summary>
public sealed class InProcessLogbookFeed(ILogger<InProcessLogbookFeed> logger) : ILogbookFeed
{
    private ImmutableArray<Subscription> _subscriptions = [];

    public int SubscriberCount => _subscriptions.Length;

    public ValueTask PublishAsync(LogbookAppended appended, CancellationToken cancellationToken = default)
    {
        foreach (var subscription in _subscriptions.Where(s => s.CrisisId == appended.CrisisId))
        {
            // Off the writer's thread: a slow screen never holds up the one who writes.
            _ = DeliverAsync(subscription, appended);
        }
        return ValueTask.CompletedTask;
    }

    public IDisposable Subscribe(Guid crisisId, Func<LogbookAppended, Task> onAppended)
    {
        var subscription = new Subscription(this, crisisId, onAppended);
        ImmutableInterlocked.Update(ref _subscriptions, s => s.Add(subscription));
        return subscription;
    }

    private async Task DeliverAsync(Subscription subscription, LogbookAppended appended)
    {
        try
        {
            await Task.Yield();
            await subscription.OnAppended(appended);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "A logbook screen could not take entry {Entry}", appended.EntryId);
        }
    }

    private sealed class Subscription(InProcessLogbookFeed feed, Guid crisisId, Func<LogbookAppended, Task> onAppended) : IDisposable
    {
        public Guid CrisisId { get; } = crisisId;

        public Func<LogbookAppended, Task> OnAppended { get; } = onAppended;

        public void Dispose() => ImmutableInterlocked.Update(ref feed._subscriptions, s => s.Remove(this));
    }
}
