using Enki.Domain.Access;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Warnings;

/// <summary>A delivery a channel did not take: who, how, why, how many times, and when it is tried again (none: abandoned).</summary>
public sealed record WarningDeliveryFailure(
    Guid WarningId, string WarningTitle, DateTimeOffset RaisedAt, string UserName, WarningChannel Channel, DeliveryState State, string? Error,
    int Attempts, DateTimeOffset? NextAttemptAt);

/// <summary>The administration's list of failed and abandoned warning deliveries: administrators only, checked when it runs.</summary>
public sealed class WarningDeliveryFailures(IDbContextFactory<EnkiDbContext> dbFactory)
{
    public const int Size = 200;

    public async Task<IReadOnlyList<WarningDeliveryFailure>> LatestAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayAdminister(viewer)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.WarningDeliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Failed || d.State == DeliveryState.GaveUp)
            .Join(db.Warnings, d => d.WarningId, w => w.Id, (d, w) => new { d, w.Title, w.RaisedAt })
            .OrderByDescending(r => r.RaisedAt).Take(Size)
            .Select(r => new { r.d.WarningId, r.Title, r.RaisedAt, r.d.UserName, r.d.Channel, r.d.State, r.d.LastError, r.d.Attempts, r.d.NextAttemptAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new WarningDeliveryFailure(r.WarningId, r.Title, r.RaisedAt, r.UserName, r.Channel, r.State, r.LastError, r.Attempts,
            r.NextAttemptAt)).ToList();
    }
}
