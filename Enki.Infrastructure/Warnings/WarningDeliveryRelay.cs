using Enki.Domain.Access;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Persistence;
using Enki.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Warnings;

/// <summary>
/// The warnings' outbox relay. Deliveries are committed « à envoyer » with their warning; the relay
/// claims each one in the database (a conditional update only one relay wins), hands it to its channel,
/// then commits « envoyée » or « échec ». After a crash, what was committed and not sent is found by
/// the next pass (after the raise, and every minute by the <c>avertissements</c> job); a claim left by a
/// crashed relay expires after <see cref="ClaimLifetime"/>. A failed delivery waits its
/// <see cref="WarningDelivery.NextAttemptAt"/> (<see cref="DeliveryRetry"/>) and is abandoned after its last attempt.
/// </summary>
public sealed class WarningDeliveryRelay(
    IDbContextFactory<EnkiDbContext> dbFactory, IEnumerable<IWarningChannel> channels, ITerritoryDirectory territories, TimeProvider clock,
    ILogger<WarningDeliveryRelay> logger)
{
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(2);

    /// <summary>One adapter per channel: the last registered wins (a test's fake replaces the real one).</summary>
    private readonly Dictionary<WarningChannel, IWarningChannel> _channels = channels.GroupBy(c => c.Channel).ToDictionary(g => g.Key, g => g.Last());

    public IReadOnlyList<ChannelSpec> Channels => _channels.Values.Select(c => new ChannelSpec(c.Channel, c.Interrupts)).ToList();

    /// <summary>Takes, before the commit that records them, the deliveries whose channel delivers on commit (in-app).</summary>
    public void DeliverOnCommit(Warning warning, DateTimeOffset now)
    {
        foreach (var delivery in warning.Deliveries.Where(d => d.State == DeliveryState.Pending && _channels.GetValueOrDefault(d.Channel)?.DeliversOnCommit == true))
        {
            warning.MarkSent(delivery.Id, now);
        }
    }

    /// <summary>Sends what waits: of the given warnings, or of all when null. Returns the deliveries sent.</summary>
    public async Task<int> DeliverPendingAsync(IReadOnlyCollection<Guid>? warningIds = null, CancellationToken cancellationToken = default)
    {
        List<Guid> waiting;
        var now = clock.GetUtcNow();
        var expired = now - ClaimLifetime;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var query = db.WarningDeliveries.AsNoTracking()
                .Where(d => d.State == DeliveryState.Pending || (d.State == DeliveryState.Failed && (d.NextAttemptAt == null || d.NextAttemptAt <= now)))
                .Where(d => EF.Property<DateTimeOffset?>(d, WarningDeliveryConfiguration.ClaimedAt) == null
                            || EF.Property<DateTimeOffset?>(d, WarningDeliveryConfiguration.ClaimedAt) < expired);
            if (warningIds is not null) query = query.Where(d => warningIds.Contains(d.WarningId));
            waiting = await query.OrderBy(d => d.WarningId).Select(d => d.Id).Take(500).ToListAsync(cancellationToken);
        }
        var sent = 0;
        foreach (var id in waiting)
        {
            if (await DeliverOneAsync(id, cancellationToken)) sent++;
        }
        return sent;
    }

    private async Task<bool> DeliverOneAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var expired = now - ClaimLifetime;
        var claimed = await db.WarningDeliveries
            .Where(d => d.Id == deliveryId
                        && (d.State == DeliveryState.Pending || (d.State == DeliveryState.Failed && (d.NextAttemptAt == null || d.NextAttemptAt <= now))))
            .Where(d => EF.Property<DateTimeOffset?>(d, WarningDeliveryConfiguration.ClaimedAt) == null
                        || EF.Property<DateTimeOffset?>(d, WarningDeliveryConfiguration.ClaimedAt) < expired)
            .ExecuteUpdateAsync(s => s.SetProperty(d => EF.Property<DateTimeOffset?>(d, WarningDeliveryConfiguration.ClaimedAt), now), cancellationToken);
        if (claimed != 1) return false; // another relay has it, or it went meanwhile

        var warning = await db.Warnings.Include(w => w.Deliveries).FirstAsync(w => w.Deliveries.Any(d => d.Id == deliveryId), cancellationToken);
        var delivery = warning.Delivery(deliveryId);
        var sent = false;
        if (!_channels.TryGetValue(delivery.Channel, out var channel))
        {
            warning.MarkFailed(deliveryId, $"Canal « {delivery.Channel.French()} » non configuré.", now);
        }
        else
        {
            try
            {
                await channel.SendAsync(new WarningMessage(delivery.Id, warning.Id, delivery.UserId, delivery.UserName, warning.Title,
                    warning.Detail, warning.Urgent, delivery.Silent, PlaceOf(warning)), cancellationToken);
                warning.MarkSent(deliveryId, clock.GetUtcNow());
                sent = true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Warning delivery {Delivery} through {Channel} failed", deliveryId, delivery.Channel);
                warning.MarkFailed(deliveryId, ex.Message, clock.GetUtcNow());
            }
        }
        db.Entry(delivery).Property(WarningDeliveryConfiguration.ClaimedAt).CurrentValue = null;
        await db.SaveChangesAsync(CancellationToken.None);
        return sent;
    }

    private string? PlaceOf(Warning warning) =>
        warning.CommuneCode is { } commune ? territories.Describe(Jurisdiction.Commune(commune))
        : warning.DepartmentCode is { } department ? territories.Describe(Jurisdiction.Department(department))
        : null;
}
