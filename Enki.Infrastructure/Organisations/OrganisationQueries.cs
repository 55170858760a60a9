using Enki.Domain.Access;
using Enki.Domain.Directory;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Organisations;

/// <summary>Reads the directory, always through <see cref="AccessPolicy.OrganisationsVisible"/>.</summary>
public sealed class OrganisationQueries(IDbContextFactory<EnkiDbContext> dbFactory, ITerritoryDirectory territories) : IOrganisationDirectory
{
    public async Task<Organisation?> FindAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Visible(db, viewer).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<Organisation>> SearchAsync(Viewer viewer, string? text, OrganisationKind? kind = null, int take = 20,
        CancellationToken cancellationToken = default) =>
        (await ListAsync(viewer, new DirectoryQuery(text, kind, Take: take), cancellationToken)).Items;

    public async Task<DirectoryPage> ListAsync(Viewer viewer, DirectoryQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Visible(db, viewer);
        var text = SearchText.Normalise(query.Text);
        if (text.Length > 0) rows = rows.Where(o => o.SearchText.Contains(text));
        if (query.Kind is { } kind) rows = rows.Where(o => o.Kind == kind);
        if (query.Territory is { } territory) rows = rows.Where(JurisdictionFilter.For<Organisation>(territory));
        var total = await rows.CountAsync(cancellationToken);
        // Nearest first: the commune's own services, then the department's, the zone's, the nation's.
        var items = await rows
            .OrderBy(o => o.CommuneCode != null ? 0 : o.DepartmentCode != null ? 1 : o.ZoneCode != null ? 2 : 3)
            .ThenBy(o => o.Name).ThenBy(o => o.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200))
            .ToListAsync(cancellationToken);
        return new DirectoryPage(items, total);
    }

    private IQueryable<Organisation> Visible(EnkiDbContext db, Viewer viewer) =>
        db.Organisations.AsNoTracking().Where(AccessPolicy.OrganisationsVisible(viewer, territories));
}
