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

    public async Task<Page<Incident>> ListAsync(Viewer viewer, IncidentFilter filter, int pageIndex, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        pageIndex = Math.Max(0, pageIndex);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, viewer, filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Id)
            .Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<Incident>(items, total, pageIndex, pageSize);
    }

    /// <summary>The incident, or null when it does not exist or lies outside the viewer's jurisdiction.</summary>
    public async Task<Incident?> FindAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Incidents.AsNoTracking().Within(viewer).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    private static IQueryable<Incident> Filtered(EnkiDbContext db, Viewer viewer, IncidentFilter filter)
    {
        var query = db.Incidents.AsNoTracking().Within(viewer);
        if (filter.Exercise is { } exercise) query = query.Where(i => i.IsExercise == exercise);
        if (filter.Status is { } status) query = query.Where(i => i.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.NatureFamily)) query = query.Where(i => i.NatureFamily == filter.NatureFamily);
        if (!string.IsNullOrWhiteSpace(filter.CommuneCode)) query = query.Where(i => i.CommuneCode == filter.CommuneCode);
        if (!string.IsNullOrWhiteSpace(filter.DepartmentCode)) query = query.Where(i => i.DepartmentCode == filter.DepartmentCode);
        if (filter.From is { } from) query = query.Where(i => i.UpdatedAt >= from.ToUniversalTime());
        if (filter.To is { } to) query = query.Where(i => i.CreatedAt <= to.ToUniversalTime());
        return query;
    }
}
