using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Crises.Retex;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Crises.Retex;

/// <summary>
/// The pilots write a crisis's RETEX headings, then freeze it: the right is checked here against the store at
/// each command (<see cref="AccessPolicy.MayWriteRetex"/>); each change and its audit row commit together.
/// </summary>
public sealed class RetexCommands(IDbContextFactory<EnkiDbContext> dbFactory, AuditRecorder audit, TimeProvider clock)
{
    /// <param name="version">The version the pilot edited (null for a review not written yet): a change made since is refused.</param>
    /// <returns>The new version.</returns>
    /// <exception cref="CrisisRefused">Invisible crisis, not a pilot, frozen, invalid headings, or changed by someone else meanwhile.</exception>
    public Task<Guid> SaveAsync(Viewer pilot, Guid crisisId, Guid? version, string? strengths, string? improvements,
        IReadOnlyList<CorrectiveAction> actions, CancellationToken cancellationToken = default) =>
        ChangeAsync(pilot, crisisId, version, CrisisAuditActions.RetexEdited,
            review => review.Edit(strengths, improvements, actions, pilot, clock.GetUtcNow()), cancellationToken);

    /// <exception cref="CrisisRefused">Invisible crisis, not a pilot, already frozen, or changed by someone else meanwhile.</exception>
    public Task<Guid> FreezeAsync(Viewer pilot, Guid crisisId, Guid? version, CancellationToken cancellationToken = default) =>
        ChangeAsync(pilot, crisisId, version, CrisisAuditActions.RetexFrozen, review => review.Freeze(pilot, clock.GetUtcNow()), cancellationToken);

    private async Task<Guid> ChangeAsync(Viewer pilot, Guid crisisId, Guid? version, string action, Action<AfterActionReview> change,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var crisis = await db.Crises.AsNoTracking().FirstOrDefaultAsync(c => c.Id == crisisId, cancellationToken);
        if (crisis is null || !AccessPolicy.SeesCrisis(pilot, crisis)) throw new CrisisRefused("Crise introuvable.");
        if (!AccessPolicy.MayWriteRetex(pilot, crisis)) throw new CrisisRefused("Seuls les pilotes de la crise rédigent et figent son RETEX.");
        var review = await db.AfterActionReviews.FirstOrDefaultAsync(r => r.CrisisId == crisisId, cancellationToken);
        if (review is null)
        {
            review = AfterActionReview.Start(crisisId, pilot, clock.GetUtcNow());
            db.AfterActionReviews.Add(review);
        }
        else if (version != review.Version)
        {
            throw new CrisisRefused($"{review.UpdatedByName} a modifié le RETEX entre-temps : rechargez la page.");
        }
        change(review);
        audit.Add(db, action, crisis.Title, null, crisis.Territories.FirstOrDefault(), pilot);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another pilot saved first (the same version changed, or two first writes of the review).
            throw new CrisisRefused("Un autre pilote a modifié le RETEX entre-temps : rechargez la page.");
        }
        return review.Version;
    }
}
