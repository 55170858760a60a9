using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Logbook;

/// <summary>Reads a crisis's main courante, newest first; nothing when the viewer does not see the crisis.</summary>
public sealed class LogbookQueries(IDbContextFactory<EnkiDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    /// <summary>Exports carry the whole logbook, bounded so one request cannot exhaust the server.</summary>
    public const int MaxExported = 50_000;

    /// <returns>Null when the crisis does not exist for this viewer.</returns>
    public async Task<LogbookPage?> SearchAsync(Viewer viewer, Guid crisisId, LogbookQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Crises.Where(AccessPolicy.CrisesVisible(viewer)).AnyAsync(c => c.Id == crisisId, cancellationToken))
        {
            return null;
        }
        var rows = Filtered(db, crisisId, query);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, MaxPageSize)).ToListAsync(cancellationToken);
        var ids = items.Select(e => e.Id).ToList();
        var corrected = await db.LogbookEntries.Where(e => e.CrisisId == crisisId && e.Corrects != null && ids.Contains(e.Corrects.Value))
            .Select(e => e.Corrects!.Value).Distinct().ToListAsync(cancellationToken);
        return new LogbookPage(items, total, corrected.ToHashSet());
    }

    /// <summary>Every entry, oldest first (the order a main courante is read on paper).</summary>
    public async Task<IReadOnlyList<LogbookEntry>?> AllAsync(Viewer viewer, Guid crisisId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Crises.Where(AccessPolicy.CrisesVisible(viewer)).AnyAsync(c => c.Id == crisisId, cancellationToken))
        {
            return null;
        }
        return await db.LogbookEntries.AsNoTracking().Where(e => e.CrisisId == crisisId)
            .OrderBy(e => e.At).ThenBy(e => e.Id).Take(MaxExported).ToListAsync(cancellationToken);
    }

    private static IQueryable<LogbookEntry> Filtered(EnkiDbContext db, Guid crisisId, LogbookQuery query)
    {
        var rows = db.LogbookEntries.AsNoTracking().Where(e => e.CrisisId == crisisId);
        if (query.Kind is { } kind) rows = rows.Where(e => e.Kind == kind);
        if (!string.IsNullOrWhiteSpace(query.Author)) rows = rows.Where(e => e.AuthorName.Contains(query.Author.Trim()));
        if (!string.IsNullOrWhiteSpace(query.Organisation)) rows = rows.Where(e => e.AuthorOrganisation != null && e.AuthorOrganisation.Contains(query.Organisation.Trim()));
        if (LogbookEntry.NormaliseTags([query.Tag ?? ""]) is [var tag, ..])
        {
            var marker = $"|{tag}|";
            rows = rows.Where(e => e.TagList.Contains(marker));
        }
        if (query.From is { } from) rows = rows.Where(e => e.At >= from.ToUniversalTime());
        if (query.To is { } to) rows = rows.Where(e => e.At < to.ToUniversalTime());
        if (!string.IsNullOrWhiteSpace(query.Text)) rows = rows.Where(e => e.Text.Contains(query.Text.Trim()));
        return rows;
    }
}
