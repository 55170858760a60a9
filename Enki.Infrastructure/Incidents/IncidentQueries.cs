using System.Linq.Expressions;
using Enki.Domain.Access;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Incidents;

/// <summary>A bounded page of results and how many there are in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageIndex, int PageSize);

/// <summary>
/// Reads of incidents. Every read takes the viewer and goes through the one jurisdiction filter:
/// an incident outside it does not exist for that viewer.
/// </summary>
public sealed class IncidentQueries(IDbContextFactory<EnkiDbContext> dbFactory)
{
    public const int MaxPageSize = 500;

    /// <summary>Screens show at most this many rows at once (a crisis room pages, it does not scroll 500 rows).</summary>
    public const int MaxRowsPageSize = 100;

    public Task<Page<Incident>> ListAsync(Viewer viewer, IncidentFilter filter, int pageIndex, int pageSize, CancellationToken cancellationToken = default) =>
        PageAsync(viewer, filter, pageIndex, Math.Clamp(pageSize, 1, MaxPageSize), q => q, cancellationToken);

    /// <summary>A page of list rows (columns only): one count, then one bounded page.</summary>
    public Task<Page<IncidentRow>> ListRowsAsync(Viewer viewer, IncidentFilter filter, int pageIndex, int pageSize, CancellationToken cancellationToken = default) =>
        PageAsync(viewer, filter, pageIndex, Math.Clamp(pageSize, 1, MaxRowsPageSize), q => q.Select(i => new IncidentRow(
                i.Id, i.CaseId, i.OpenedAt, i.UpdatedAt, i.NatureCode, i.NatureLabel, i.NatureFamily, i.Status, i.IsExercise,
                i.CommuneCode, i.CommuneName, i.DepartmentCode, i.Address, i.Victims, i.EngagedResourceCount)),
            cancellationToken);

    private async Task<Page<T>> PageAsync<T>(Viewer viewer, IncidentFilter filter, int pageIndex, int pageSize,
        Func<IQueryable<Incident>, IQueryable<T>> project, CancellationToken cancellationToken)
    {
        pageIndex = Math.Max(0, pageIndex);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, viewer, filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await project(Sorted(query, filter.Sort).Skip(pageIndex * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new Page<T>(items, total, pageIndex, pageSize);
    }

    /// <summary>The incident, or null when it does not exist or lies outside the viewer's jurisdiction.</summary>
    public async Task<Incident?> FindAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Incidents.AsNoTracking().Within(viewer).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    /// <summary>The id of the incident a case id names (as the logbook quotes it), or null outside the viewer's jurisdiction.</summary>
    public async Task<Guid?> FindIdByCaseAsync(Viewer viewer, string caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Incidents.AsNoTracking().Within(viewer).Where(i => i.CaseId == caseId)
            .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static readonly IncidentStatus[] ActiveStatuses = [IncidentStatus.Reported, IncidentStatus.InProgress, IncidentStatus.Suspended];

    private static IQueryable<Incident> Filtered(EnkiDbContext db, Viewer viewer, IncidentFilter filter)
    {
        var query = db.Incidents.AsNoTracking().Within(viewer);
        if (filter.Exercise is { } exercise) query = query.Where(i => i.IsExercise == exercise);
        if (filter.Status is { } status) query = query.Where(i => i.Status == status);
        if (filter.ActiveOnly) query = query.Where(i => ActiveStatuses.Contains(i.Status));
        if (!string.IsNullOrWhiteSpace(filter.NatureFamily)) query = query.Where(i => i.NatureFamily == filter.NatureFamily);
        if (!string.IsNullOrWhiteSpace(filter.CommuneCode)) query = query.Where(i => i.CommuneCode == filter.CommuneCode);
        if (!string.IsNullOrWhiteSpace(filter.DepartmentCode)) query = query.Where(i => i.DepartmentCode == filter.DepartmentCode);
        if (filter.From is { } from) query = query.Where(i => i.UpdatedAt >= from.ToUniversalTime());
        if (filter.To is { } to) query = query.Where(i => i.CreatedAt <= to.ToUniversalTime());
        if (filter.OpenedFrom is { } openedFrom) query = query.Where(i => i.OpenedAt >= openedFrom.ToUniversalTime());
        if (filter.OpenedTo is { } openedTo) query = query.Where(i => i.OpenedAt < openedTo.ToUniversalTime());
        query = NatureCodeStartingWith(query, filter.NatureCodePrefix);
        return Containing(query, filter.Text);
    }

    private static IQueryable<Incident> NatureCodeStartingWith(IQueryable<Incident> query, string? prefix)
    {
        prefix = prefix?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(prefix))
        {
            return query;
        }
        if (prefix.Length >= 3)
        {
            // The family is the code's first three characters: lets the family index narrow first.
            var family = prefix[..3];
            query = query.Where(i => i.NatureFamily == family);
        }
        return query.Where(i => i.NatureCode.StartsWith(prefix));
    }

    private static IQueryable<Incident> Containing(IQueryable<Incident> query, string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return query;
        }
        if (text.Length > IncidentFilter.MaxTextLength) text = text[..IncidentFilter.MaxTextLength];
        var pattern = TextSearch.ContainsPattern(text);
        return query.Where(i => EF.Functions.Like(i.CaseId.ToLower(), pattern, TextSearch.Escape)
            || EF.Functions.Like(i.Address!.ToLower(), pattern, TextSearch.Escape)
            || EF.Functions.Like(i.CommuneName.ToLower(), pattern, TextSearch.Escape)
            || EF.Functions.Like(i.NatureLabel.ToLower(), pattern, TextSearch.Escape));
    }

    private static IQueryable<Incident> Sorted(IQueryable<Incident> query, IncidentSort sort)
    {
        var ordered = sort.Key switch
        {
            IncidentSortKey.Opened => By(query, i => i.OpenedAt, sort.Descending),
            IncidentSortKey.Status => By(query, StatusRank, sort.Descending).ThenByDescending(i => i.OpenedAt),
            IncidentSortKey.Commune => By(query, i => i.CommuneName, sort.Descending).ThenByDescending(i => i.OpenedAt),
            IncidentSortKey.Nature => By(query, i => i.NatureCode, sort.Descending).ThenByDescending(i => i.OpenedAt),
            _ => By(query, i => i.UpdatedAt, sort.Descending),
        };
        return ordered.ThenBy(i => i.Id);
    }

    private static IOrderedQueryable<Incident> By<TKey>(IQueryable<Incident> query, Expression<Func<Incident, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    // Lifecycle order, not the stored English names' alphabetical order.
    private static readonly Expression<Func<Incident, int>> StatusRank = i =>
        i.Status == IncidentStatus.Reported ? 0
        : i.Status == IncidentStatus.InProgress ? 1
        : i.Status == IncidentStatus.Suspended ? 2
        : i.Status == IncidentStatus.Completed ? 3
        : 4;
}
