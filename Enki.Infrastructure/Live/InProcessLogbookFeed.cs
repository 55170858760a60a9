using Enki.Domain.Logbook;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Live;

/// <summary>Logbook feed for a single server: each screen hears only its crisis; a failing screen never stops the others.</summary>
public sealed class InProcessLogbookFeed(ILogger<InProcessLogbookFeed> logger) : ILogbookFeed
{
    private readonly InProcessSubscribers<LogbookAppended> _subscribers = new(logger);

    public ValueTask PublishAsync(LogbookAppended appended, CancellationToken cancellationToken = default) => _subscribers.PublishAsync(appended);

    public IDisposable Subscribe(Guid crisisId, Func<LogbookAppended, Task> onAppended) =>
        _subscribers.Add(appended =>
        {
            if (appended.CrisisId == crisisId)
            {
                // Off the writer's thread: a slow screen never holds up the one who writes.
                ScreenDelivery.Start(onAppended, appended, logger, "a logbook entry");
            }
            return ValueTask.CompletedTask;
        });
}
