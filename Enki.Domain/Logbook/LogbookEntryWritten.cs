using Enki.Domain.Events;

namespace Enki.Domain.Logbook;

/// <summary>An entry joined a crisis's main courante (written by a person, or automatically with the change it tells).</summary>
public sealed record LogbookEntryWritten(Guid CrisisId, Guid EntryId, LogbookEntryKind Kind, string AuthorName, Guid? Corrects, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt)
{
    public override Guid? SubjectId() => CrisisId;
}
