using Enki.Domain.Crises;
using Enki.Domain.Access;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Logbook;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Logbook;

/// <summary>
/// The main courante in the store: checks the author's right on the crisis, then commits the entry and
/// its audit row together; open screens hear of it from the event stream.
/// </summary>
public sealed class LogbookCommands(IDbContextFactory<EnkiDbContext> dbFactory, LogbookWriter writer, AuditRecorder audit) : ILogbook
{
    /// <exception cref="CrisisRefused">Unknown or invisible crisis, no contribution right (pilotage for a situation), bad correction target, invalid text.</exception>
    public Task<Guid> AppendAsync(Guid crisisId, Viewer author, LogbookEntryKind kind, string text,
        IReadOnlyList<string>? tags = null, Guid? corrects = null, CancellationToken cancellationToken = default) =>
        WriteAsync(crisisId, author, [(kind, text, tags)], corrects, AccessPolicy.RightToWrite(kind), cancellationToken);

    public Task<Guid> RecordAsync(Guid crisisId, Viewer actor, LogbookEntryKind kind, string text,
        IReadOnlyList<string>? tags = null, CancellationToken cancellationToken = default) =>
        WriteAsync(crisisId, actor, [(kind, text, tags)], corrects: null, required: null, cancellationToken);

    /// <summary>Several entries by one author, all or none (a situation and its outlook).</summary>
    /// <exception cref="CrisisRefused">As <see cref="AppendAsync"/>.</exception>
    public Task AppendAllAsync(Guid crisisId, Viewer author, IReadOnlyList<(LogbookEntryKind Kind, string Text, IReadOnlyList<string>? Tags)> entries,
        CancellationToken cancellationToken = default) =>
        WriteAsync(crisisId, author, entries, corrects: null, entries.Select(e => AccessPolicy.RightToWrite(e.Kind)).Max(), cancellationToken);

    private async Task<Guid> WriteAsync(Guid crisisId, Viewer author, IReadOnlyList<(LogbookEntryKind Kind, string Text, IReadOnlyList<string>? Tags)> entries,
        Guid? corrects, ParticipationRight? required, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var crisis = await db.Crises.AsNoTracking().FirstOrDefaultAsync(c => c.Id == crisisId, cancellationToken);
        if (crisis is null || !AccessPolicy.SeesCrisis(author, crisis))
        {
            throw new CrisisRefused("Crise introuvable.");
        }
        if (required is { } right && !AccessPolicy.HasCrisisRight(author, crisis, right))
        {
            throw new CrisisRefused(entries.Any(e => e.Kind == LogbookEntryKind.SituationReport) && AccessPolicy.MayWriteLogbook(author, crisis)
                ? "Le point de situation est rédigé par un pilote de la crise."
                : AccessPolicy.CrisisRefusal(right));
        }
        if (corrects is { } corrected && !await db.LogbookEntries.AnyAsync(e => e.Id == corrected && e.CrisisId == crisisId, cancellationToken))
        {
            throw new CrisisRefused("L'entrée à corriger n'existe pas dans cette main courante.");
        }
        var first = Guid.Empty;
        foreach (var (kind, text, tags) in entries)
        {
            var entry = await writer.AddAsync(db, crisisId, author, kind, text, tags, corrects, cancellationToken);
            audit.Add(db, CrisisAuditActions.LogbookAppended, crisis.Title,
                $"{kind.French()}{(corrects is null ? "" : " (correction)")} : {entry.Text}", crisis.Territories.FirstOrDefault(), author);
            if (first == Guid.Empty) first = entry.Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        return first;
    }
}
