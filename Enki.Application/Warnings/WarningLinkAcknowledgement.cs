using Enki.Domain.Access;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Persistence;
using Enki.Infrastructure.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Warnings;

/// <summary>What the link's page shows: the link's state and, when valid, what it acknowledges and for whom.</summary>
public sealed record AcknowledgementLinkView(AcknowledgementLinkState State, string? Title = null, string? Detail = null, string? PersonName = null,
    bool Urgent = false)
{
    public string Explanation => State.French();
}

/// <summary>
/// The one-tap acknowledgement from an e-mail or SMS link, without signing in: the secret is the proof.
/// It acknowledges the link's warning as the link's person (what that delivery allows, nothing more),
/// once, before it expires.
/// </summary>
public sealed class WarningLinkAcknowledgement(IDbContextFactory<EnkiDbContext> dbFactory, TimeProvider clock)
{
    public async Task<AcknowledgementLinkView> CheckAsync(string? secret, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await FindAsync(db, secret, cancellationToken);
        if (link is null) return new(AcknowledgementLinkState.Unknown);
        var state = link.StateAt(clock.GetUtcNow());
        if (state != AcknowledgementLinkState.Valid) return new(state);
        var warning = await db.Warnings.AsNoTracking().Include(w => w.Deliveries).FirstAsync(w => w.Id == link.WarningId, cancellationToken);
        return new(state, warning.Title, warning.Detail, warning.Delivery(link.DeliveryId).UserName, warning.Urgent);
    }

    /// <summary>Spends the link and acknowledges; the outcome's refusal says in French why not (expired, used, unknown, already acknowledged).</summary>
    public async Task<WarningOutcome> AcknowledgeAsync(string? secret, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await FindAsync(db, secret, cancellationToken);
        if (link is null) return WarningOutcome.Refused(AcknowledgementLinkState.Unknown.French());
        var now = clock.GetUtcNow();
        var warning = await db.Warnings.Include(w => w.Deliveries).FirstAsync(w => w.Id == link.WarningId, cancellationToken);
        var delivery = warning.Delivery(link.DeliveryId);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == delivery.UserId && !u.IsDisabled, cancellationToken);
        if (user is null) return WarningOutcome.Refused("Ce compte est désactivé : le lien ne peut plus servir.");
        try
        {
            link.Use(now);
        }
        catch (WarningRefused refused)
        {
            return WarningOutcome.Refused(refused.Message);
        }
        if (warning.IsAcknowledged)
        {
            await db.SaveChangesAsync(cancellationToken);
            return WarningOutcome.Refused($"Déjà acquitté par {warning.AcknowledgedByName}.");
        }
        // A link spent meanwhile by another tap fails the commit like a concurrent acknowledgement (its use is a concurrency token).
        return await WarningCommands.SaveAcknowledgementAsync(db, warning, new Viewer(user.Id, user.DisplayName, user.Profile, user.Jurisdiction), now,
            cancellationToken);
    }

    private static async Task<AcknowledgementLink?> FindAsync(EnkiDbContext db, string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100) return null;
        var hash = AcknowledgementLink.HashOf(secret.Trim());
        return await db.AcknowledgementLinks.FirstOrDefaultAsync(l => l.Hash == hash, cancellationToken);
    }
}
