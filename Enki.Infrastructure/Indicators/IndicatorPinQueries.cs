using Enki.Domain.Access;
using Enki.Domain.Indicators.Pins;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>The pins of a crisis or a wall, for a viewer who sees that crisis or may open that wall (nothing otherwise).</summary>
public sealed class IndicatorPinQueries(IDbContextFactory<EnkiDbContext> dbFactory)
{
    /// <summary>At most this many cards on a board: the dashboard and the wall stay readable.</summary>
    public const int MaxPerBoard = 12;

    public async Task<IReadOnlyList<IndicatorPin>> OfCrisisAsync(Viewer viewer, Guid crisisId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Crises.AsNoTracking().Where(AccessPolicy.CrisesVisible(viewer)).AnyAsync(c => c.Id == crisisId, cancellationToken))
        {
            return [];
        }
        return await db.IndicatorPins.AsNoTracking().Where(p => p.CrisisId == crisisId)
            .OrderBy(p => p.PinnedAt).Take(MaxPerBoard).ToListAsync(cancellationToken);
    }

    /// <param name="wall">The wall's territory, already checked against the viewer's jurisdiction by the wall page.</param>
    public async Task<IReadOnlyList<IndicatorPin>> OfWallAsync(Viewer viewer, Jurisdiction wall, ITerritoryDirectory directory, CancellationToken cancellationToken = default)
    {
        if (!viewer.Jurisdiction.Includes(wall, directory))
        {
            return [];
        }
        var scope = wall.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.IndicatorPins.AsNoTracking().Where(p => p.Board == PinBoard.Wall && p.WallScope == scope)
            .OrderBy(p => p.PinnedAt).Take(MaxPerBoard).ToListAsync(cancellationToken);
    }
}
