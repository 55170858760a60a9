using Enki.Domain.Access;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Persistence;

namespace Enki.Infrastructure.Logbook;

/// <summary>
/// Adds a main-courante entry to a unit of work, so that it commits with the change it tells (a crisis
/// change, a request's step) or with the other entries written at once (a point de situation).
/// </summary>
public sealed class LogbookWriter(TimeProvider clock)
{
    /// <exception cref="Domain.Crises.CrisisRefused">Empty or too long text.</exception>
    public async Task<LogbookEntry> AddAsync(EnkiDbContext db, Guid crisisId, Viewer author, LogbookEntryKind kind, string text,
        IReadOnlyList<string>? tags, Guid? corrects, CancellationToken cancellationToken)
    {
        var organisation = await AuthorOrganisation.OfAsync(db, author, cancellationToken);
        var entry = LogbookEntry.Write(crisisId, author.Id, author.Name, organisation, kind, text, tags, corrects, clock.GetUtcNow());
        db.LogbookEntries.Add(entry);
        return entry;
    }
}
