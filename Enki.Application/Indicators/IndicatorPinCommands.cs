using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Indicators.Pins;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Indicators;

/// <summary>
/// Pins an indicator view to a crisis's dashboard or a territory's wall, and takes it off: the person's right
/// is checked here, against the store, at each command (<see cref="AccessPolicy.MayPinToCrisis"/>,
/// <see cref="AccessPolicy.MayPinToWall"/>); the pin and its audit row commit together.
/// </summary>
public sealed class IndicatorPinCommands(IDbContextFactory<EnkiDbContext> dbFactory, FrenchGeography geography, AuditRecorder audit, TimeProvider clock)
{
    /// <exception cref="PinRefused">Unknown or invisible crisis, or no contribution right on it.</exception>
    public async Task<Guid> PinToCrisisAsync(Viewer viewer, Guid crisisId, string view, string title, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var crisis = await db.Crises.AsNoTracking().FirstOrDefaultAsync(c => c.Id == crisisId, cancellationToken);
        if (crisis is null || !AccessPolicy.SeesCrisis(viewer, crisis))
        {
            throw new PinRefused("Crise introuvable.");
        }
        if (!AccessPolicy.MayPinToCrisis(viewer, crisis))
        {
            throw new PinRefused("Il faut un droit de contribution sur la crise pour y épingler un indicateur.");
        }
        var pin = IndicatorPin.OnCrisis(crisisId, view, title, viewer.Id, viewer.Name, clock.GetUtcNow());
        db.IndicatorPins.Add(pin);
        audit.Add(db, PinAuditActions.Pinned, crisis.Title, $"{pin.Title} ({pin.View})", crisis.Territories.FirstOrDefault(), viewer);
        await db.SaveChangesAsync(cancellationToken);
        return pin.Id;
    }

    /// <exception cref="PinRefused">A wall outside the person's jurisdiction (or of no territory).</exception>
    public async Task<Guid> PinToWallAsync(Viewer viewer, Jurisdiction wall, string view, string title, CancellationToken cancellationToken = default)
    {
        var directory = new GeographyTerritoryDirectory(geography);
        if (!AccessPolicy.MayPinToWall(viewer, wall, directory))
        {
            throw new PinRefused("Ce mur est hors de votre périmètre.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pin = IndicatorPin.OnWall(wall.ToString(), view, title, viewer.Id, viewer.Name, clock.GetUtcNow());
        db.IndicatorPins.Add(pin);
        audit.Add(db, PinAuditActions.Pinned, $"Mur {wall.Label}", $"{pin.Title} ({pin.View})", Territory.Of(wall, directory), viewer);
        await db.SaveChangesAsync(cancellationToken);
        return pin.Id;
    }

    /// <summary>Takes a pin off, with the same right as pinning it there.</summary>
    /// <exception cref="PinRefused">Unknown pin, or one on a board the person may not change.</exception>
    public async Task UnpinAsync(Viewer viewer, Guid pinId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pin = await db.IndicatorPins.FirstOrDefaultAsync(p => p.Id == pinId, cancellationToken) ?? throw new PinRefused("Épingle introuvable.");
        var directory = new GeographyTerritoryDirectory(geography);
        if (pin.Board == PinBoard.Crisis)
        {
            var crisis = await db.Crises.AsNoTracking().FirstOrDefaultAsync(c => c.Id == pin.CrisisId, cancellationToken);
            if (crisis is null || !AccessPolicy.SeesCrisis(viewer, crisis))
            {
                throw new PinRefused("Épingle introuvable.");
            }
            if (!AccessPolicy.MayPinToCrisis(viewer, crisis))
            {
                throw new PinRefused("Il faut un droit de contribution sur la crise pour en retirer un indicateur.");
            }
            audit.Add(db, PinAuditActions.Unpinned, crisis.Title, pin.Title, crisis.Territories.FirstOrDefault(), viewer);
        }
        else
        {
            if (!Jurisdiction.TryParse(pin.WallScope, out var wall) || !AccessPolicy.MayPinToWall(viewer, wall, directory))
            {
                throw new PinRefused("Épingle introuvable.");
            }
            audit.Add(db, PinAuditActions.Unpinned, $"Mur {wall.Label}", pin.Title, Territory.Of(wall, directory), viewer);
        }
        db.IndicatorPins.Remove(pin);
        await db.SaveChangesAsync(cancellationToken);
    }
}
