using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Audit;

/// <summary>
/// Writes an audit row in its own unit of work, for what changes nothing else (sign-in attempts,
/// exports). A command that changes state adds its row to its own unit of work through <see cref="AuditRecorder"/>.
/// </summary>
public sealed class EfAuditTrail(IDbContextFactory<EnkiDbContext> dbFactory, AuditRecorder recorder) : IAuditTrail
{
    public async Task RecordAsync(string action, string? target, string? detail = null, ILocatedInTerritory? territory = null,
        Viewer? actor = null, string? actorName = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        recorder.Add(db, action, target, detail, territory, actor, actorName);
        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record AuditQuery(
    string? Action = null, string? Actor = null, string? Text = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null, int Skip = 0, int Take = 50);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total);

/// <summary>Reads the journal, always narrowed to the viewer's jurisdiction.</summary>
public sealed class AuditJournal(IDbContextFactory<EnkiDbContext> dbFactory)
{
    public async Task<AuditPage> SearchAsync(Viewer viewer, AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.AuditEntries.AsNoTracking().Within(viewer);
        if (!string.IsNullOrWhiteSpace(query.Action)) rows = rows.Where(e => e.Action == query.Action);
        if (!string.IsNullOrWhiteSpace(query.Actor)) rows = rows.Where(e => e.ActorName != null && e.ActorName.Contains(query.Actor));
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            rows = rows.Where(e => (e.Target != null && e.Target.Contains(query.Text)) || (e.Detail != null && e.Detail.Contains(query.Text)));
        }
        if (query.From is { } from) rows = rows.Where(e => e.At >= from);
        if (query.To is { } to) rows = rows.Where(e => e.At < to);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(cancellationToken);
        return new AuditPage(items, total);
    }
}
