using Enki.Domain.Access;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Warnings;

/// <summary>A line of the notification centre, with the viewer's own in-app delivery state.</summary>
public sealed record WarningLine(
    Guid Id, string Title, string Detail, bool Urgent, DateTimeOffset RaisedAt, string? DepartmentCode, DeliveryState? MyState,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedByName);

/// <summary>
/// The warnings a viewer may read, checked when each query runs: those addressed to them (a delivery of
/// theirs, or their organisation's), and for supervisors (préfecture, COZ, COGIC) those over their territory.
/// </summary>
public sealed class WarningQueries(IDbContextFactory<EnkiDbContext> dbFactory, ITerritoryDirectory territories)
{
    public const int CentreSize = 50;

    public static string OrganisationKey(Viewer viewer) => WarningOwner.OrganisationKey(viewer.Profile!.Value, viewer.Jurisdiction);

    /// <summary>In-app deliveries not yet read, of warnings nobody acknowledged: the bell's figure.</summary>
    public async Task<int> UnreadCountAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayHaveWarnings(viewer)) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.WarningDeliveries.AsNoTracking()
            .Where(d => d.UserId == viewer.Id && d.Channel == WarningChannel.InApp && (d.State == DeliveryState.Sent || d.State == DeliveryState.Received))
            .Join(db.Warnings.Where(w => w.AcknowledgedAt == null), d => d.WarningId, w => w.Id, (d, w) => d.Id)
            .CountAsync(cancellationToken);
    }

    /// <summary>The latest warnings addressed to the viewer or their organisation, newest first (bounded).</summary>
    public async Task<IReadOnlyList<WarningLine>> CentreAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayHaveWarnings(viewer)) return [];
        var organisation = OrganisationKey(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.WarningDeliveries.Where(d => d.UserId == viewer.Id && d.Channel == WarningChannel.InApp && d.State != DeliveryState.Pending);
        var rows = await db.Warnings.AsNoTracking()
            .Where(w => w.OwnerCode == organisation || w.OwnerCode == viewer.Id || mine.Any(d => d.WarningId == w.Id))
            .OrderByDescending(w => w.RaisedAt).Take(CentreSize)
            .Select(w => new
            {
                w.Id, w.Title, w.Detail, w.Urgent, w.RaisedAt, w.DepartmentCode, w.AcknowledgedAt, w.AcknowledgedByName,
                MyState = mine.Where(d => d.WarningId == w.Id).Select(d => (DeliveryState?)d.State).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new WarningLine(r.Id, r.Title, r.Detail, r.Urgent, r.RaisedAt, r.DepartmentCode, r.MyState, r.AcknowledgedAt,
            r.AcknowledgedByName)).ToList();
    }

    /// <summary>One warning with its recipients and deliveries; null when it does not exist or the viewer may not read it (a 404).</summary>
    public async Task<Warning?> DetailAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var warning = await db.Warnings.AsNoTracking().Include(w => w.Deliveries).FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (warning is null || !AccessPolicy.MayHaveWarnings(viewer)) return null;
        var addressed = warning.IsAddressedTo(viewer.Id, OrganisationKey(viewer));
        return AccessPolicy.MayReadWarning(viewer, addressed, new WarningPlace(warning.CommuneCode, warning.DepartmentCode, warning.ZoneCode))
            ? warning
            : null;
    }

    /// <summary>The rules the viewer may edit: their organisation's and their own.</summary>
    public async Task<IReadOnlyList<WarningRule>> RulesAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayHaveWarnings(viewer)) return [];
        var organisation = OrganisationKey(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.WarningRules.AsNoTracking()
            .Where(r => (r.OwnerKind == WarningOwnerKind.Organisation && r.OwnerCode == organisation)
                        || (r.OwnerKind == WarningOwnerKind.Person && r.OwnerCode == viewer.Id))
            .ToListAsync(cancellationToken);
        return rules.OrderBy(r => r.OwnerKind).ThenByDescending(r => r.Urgent).ThenBy(r => r.Name).ToList();
    }

    public async Task<QuietHours?> QuietHoursAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.WarningPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == viewer.Id, cancellationToken))?.Quiet;
    }

    public string OrganisationName(string key) => WarningAccounts.NameOf(key, territories);
}
