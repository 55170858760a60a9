using Enki.Domain.Access;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Warnings;

/// <summary>What the browser's <c>PushSubscription.toJSON()</c> gives: the endpoint and its two keys.</summary>
public sealed record WebPushDevice(string? Endpoint, string? P256dh, string? Auth);

/// <summary>
/// The signed-in person's own devices for Web Push: registered and removed only by that person. What reaches a
/// device follows the person's warnings, hence their jurisdiction, as every other channel does.
/// </summary>
public sealed class WebPushSubscriptions(IDbContextFactory<EnkiDbContext> dbFactory, EnkiOptions options, TimeProvider clock)
{
    public const string NotFound = "Abonnement introuvable pour cet appareil.";

    /// <summary>Subscribes this device for the viewer. An endpoint another person held passes to the viewer (the browser's latest subscriber).</summary>
    public async Task<WarningOutcome> RegisterAsync(Viewer viewer, WebPushDevice device, string? userAgent, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayHaveWarnings(viewer)) return WarningOutcome.Refused("Ce compte ne reçoit pas d'avertissements.");
        WebPushSubscription subscription;
        try
        {
            subscription = WebPushSubscription.Create(viewer.Id, device.Endpoint, device.P256dh, device.Auth, userAgent, clock.GetUtcNow(),
                options.WebPush.AllowLoopbackEndpoints);
        }
        catch (WarningRefused refused)
        {
            return WarningOutcome.Refused(refused.Message);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One SaveChanges, one transaction: the endpoint's former holder and the viewer's oldest devices beyond the limit go.
        var replaced = await db.WebPushSubscriptions.Where(s => s.Endpoint == subscription.Endpoint).ToListAsync(cancellationToken);
        var mine = await db.WebPushSubscriptions.Where(s => s.UserId == viewer.Id && s.Endpoint != subscription.Endpoint)
            .OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);
        db.WebPushSubscriptions.RemoveRange(replaced.Concat(mine.Skip(WebPushSubscription.MaxPerPerson - 1)));
        db.WebPushSubscriptions.Add(subscription);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return WarningOutcome.Refused("L'abonnement de cet appareil vient de changer : réessayez.");
        }
        return WarningOutcome.Ok;
    }

    /// <summary>Removes the viewer's subscription of this endpoint; another person's is not found.</summary>
    public async Task<WarningOutcome> UnregisterAsync(Viewer viewer, string? endpoint, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayHaveWarnings(viewer) || string.IsNullOrWhiteSpace(endpoint)) return WarningOutcome.Refused(NotFound);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var removed = await db.WebPushSubscriptions.Where(s => s.UserId == viewer.Id && s.Endpoint == endpoint).ExecuteDeleteAsync(cancellationToken);
        return removed == 1 ? WarningOutcome.Ok : WarningOutcome.Refused(NotFound);
    }

    /// <summary>Whether this endpoint is the viewer's (the switch's state on this device).</summary>
    public async Task<bool> IsRegisteredAsync(Viewer viewer, string? endpoint, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayHaveWarnings(viewer) || string.IsNullOrWhiteSpace(endpoint)) return false;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.WebPushSubscriptions.AnyAsync(s => s.UserId == viewer.Id && s.Endpoint == endpoint, cancellationToken);
    }

    /// <summary>How many devices the viewer has subscribed.</summary>
    public async Task<int> CountAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayHaveWarnings(viewer)) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.WebPushSubscriptions.CountAsync(s => s.UserId == viewer.Id, cancellationToken);
    }
}
