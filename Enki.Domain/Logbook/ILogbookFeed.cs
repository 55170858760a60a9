namespace Enki.Domain.Logbook;

/// <summary>A new entry is committed in a crisis's main courante.</summary>
public sealed record LogbookAppended(Guid CrisisId, Guid EntryId, DateTimeOffset At);

/// <summary>
/// Announces committed logbook entries to open screens, like the incident change feed. In-process
/// today; a multi-server deployment swaps it for a shared backplane.
/// </summary>
public interface ILogbookFeed
{
    ValueTask PublishAsync(LogbookAppended appended, CancellationToken cancellationToken = default);

    IDisposable Subscribe(Guid crisisId, Func<LogbookAppended, Task> onAppended);
}
