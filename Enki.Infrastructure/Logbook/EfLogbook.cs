using Enki.Domain.Audit;
using Enki.Domain.Crises;
using Enki.Domain.Access;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Crises;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Logbook;

/// <summary>The main courante in the store: checks the author's right on the crisis, appends, audits, announces.</summary>
public sealed class EfLogbook(IDbContextFactory<EnkiDbContext> dbFactory, IAuditTrail audit, ILogbookFeed feed, TimeProvider clock) : ILogbook
{
    /// <exception cref="CrisisRefused">Unknown or invisible crisis, no contribution right (pilotage for a situation), bad correction target, invalid text.</exception>
    public Task<Guid> AppendAsync(Guid crisisId, Viewer author, LogbookEntryKind kind, string text,
        IReadOnlyList<string>? tags = null, Guid? corrects = null, CancellationToken cancellationToken = default) =>
        WriteAsync(crisisId, author, kind, text, tags, corrects, AccessPolicy.RightToWrite(kind), cancellationToken);

    public Task<Guid> RecordAsync(Guid crisisId, Viewer actor, LogbookEntryKind kind, string text,
        IReadOnlyList<string>? tags = null, CancellationToken cancellationToken = default) =>
        WriteAsync(crisisId, actor, kind, text, tags, corrects: null, required: null, cancellationToken);

    private async Task<Guid> WriteAsync(Guid crisisId, Viewer author, LogbookEntryKind kind, string text,
        IReadOnlyList<string>? tags, Guid? corrects, ParticipationRight? required, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var crisis = await db.Crises.AsNoTracking().FirstOrDefaultAsync(c => c.Id == crisisId, cancellationToken);
        if (crisis is null || !AccessPolicy.SeesCrisis(author, crisis))
        {
            throw new CrisisRefused("Crise introuvable.");
        }
        if (required is { } right && !AccessPolicy.HasCrisisRight(author, crisis, right))
        {
            throw new CrisisRefused(kind == LogbookEntryKind.SituationReport && AccessPolicy.MayWriteLogbook(author, crisis)
                ? "Le point de situation est rédigé par un pilote de la crise."
                : AccessPolicy.CrisisRefusal(right));
        }
        if (corrects is { } corrected && !await db.LogbookEntries.AnyAsync(e => e.Id == corrected && e.CrisisId == crisisId, cancellationToken))
        {
            throw new CrisisRefused("L'entrée à corriger n'existe pas dans cette main courante.");
        }
        var organisation = await AuthorOrganisation.OfAsync(db, author, cancellationToken);
        var entry = LogbookEntry.Write(crisisId, author.Id, author.Name, organisation, kind, text, tags, corrects, clock.GetUtcNow());
        db.LogbookEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(CrisisAuditActions.LogbookAppended, crisis.Title,
            $"{kind.French()}{(corrects is null ? "" : " (correction)")} : {entry.Text}", crisis.Territories.FirstOrDefault(), author,
            cancellationToken: cancellationToken);
        await feed.PublishAsync(new LogbookAppended(crisisId, entry.Id, entry.At), cancellationToken);
        return entry.Id;
    }
}
