namespace Enki.Domain.Logbook;

/// <summary>A new entry is committed in a crisis's main courante.</summary>
public sealed record LogbookAppended(Guid CrisisId, Guid EntryId, DateTimeOffset At);

/// <summary>
/// Committed logbook entries on their way to this node's open screens, like the incident change feed.
/// </summary>
public interface ILogbookFeed
{
    ValueTask PublishAsync(LogbookAppended appended, CancellationToken cancellationToken = default);

    IDisposable Subscribe(Guid crisisId, Func<LogbookAppended, Task> onAppended);
}
