using Enki.Domain.Events;
using Enki.Domain.Vigilance;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Live;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Vigilance;

/// <summary>This node's live news of vigilance changes, fed from the stream once committed; screens read the queries again.</summary>
public sealed class VigilanceLiveFeed(ILogger<VigilanceLiveFeed> logger)
{
    private readonly InProcessSubscribers<VigilanceSubject> _subscribers = new(logger);

    public ValueTask PublishAsync(VigilanceSubject changed) => _subscribers.PublishAsync(changed);

    public IDisposable Subscribe(Func<VigilanceSubject, ValueTask> onChange) => _subscribers.Add(onChange);
}

/// <summary>Hands this node's screens each committed vigilance change (every node reads the stream).</summary>
public sealed class VigilanceScreensHandler(VigilanceLiveFeed feed) : IEventHandler
{
    public string Name => "ecrans-vigilance";

    public HandlerScope Scope => HandlerScope.Node;

    public bool Handles(DomainEvent happened) => happened is VigilanceChanged;

    public async Task HandleAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var recorded in events)
        {
            if (recorded.Event is VigilanceChanged changed) await feed.PublishAsync(changed.Vigilance);
        }
    }
}
