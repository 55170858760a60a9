using Enki.Domain.Access;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Mobilisation;

/// <summary>Reads of mobilisation requests, always narrowed to what the viewer may see.</summary>
public sealed class MobilisationQueries(IDbContextFactory<EnkiDbContext> dbFactory)
{
    private static readonly MobilisationStatus[] ToHandle =
        [MobilisationStatus.Issued, MobilisationStatus.Received, MobilisationStatus.Accepted, MobilisationStatus.InProgress];

    /// <summary>Requests addressed to the viewer's commune, soonest deadline first.</summary>
    public async Task<IReadOnlyList<MobilisationRequest>> InboxAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.MobilisationRequests.AsNoTracking().Where(AccessPolicy.RequestsAddressedTo(viewer))
            .OrderBy(r => r.Deadline).Take(500).ToListAsync(cancellationToken);
        return Ordered(rows);
    }

    /// <summary>Requests the viewer's service issued, latest first.</summary>
    public async Task<IReadOnlyList<MobilisationRequest>> IssuedAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MobilisationRequests.AsNoTracking().Where(AccessPolicy.RequestsIssuedBy(viewer))
            .OrderByDescending(r => r.IssuedAt).Take(500).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Requests a supervisor (préfecture, COZ, COGIC) reads in its territory, issued by others (its own are
    /// in <see cref="IssuedAsync"/>), latest first; none for anyone else.
    /// </summary>
    public async Task<IReadOnlyList<MobilisationRequest>> SupervisedAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.IsSupervisor(viewer)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.MobilisationRequests.AsNoTracking().Where(AccessPolicy.RequestsSupervisedBy(viewer))
            .OrderByDescending(r => r.IssuedAt).Take(500).ToListAsync(cancellationToken);
        return [.. rows.Where(r => AccessPolicy.Standing(viewer, r) == RequestStanding.Supervisor)];
    }

    /// <summary>The request if the viewer stands on either side of it or supervises it; null otherwise (the page answers 404).</summary>
    public async Task<MobilisationRequest?> DetailAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MobilisationRequests.AsNoTracking().Where(r => r.Id == id).Where(AccessPolicy.RequestsVisibleTo(viewer)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Requests still open (neither done, refused nor cancelled) that the viewer may read, addressed inside
    /// <paramref name="scope"/> (a territory already checked against the viewer's jurisdiction), soonest
    /// deadline first: the wall display's panel.
    /// </summary>
    public async Task<IReadOnlyList<MobilisationRequest>> PendingWithinAsync(Viewer viewer, Jurisdiction scope, int count,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MobilisationRequests.AsNoTracking().Where(AccessPolicy.RequestsVisibleTo(viewer))
            .Where(JurisdictionFilter.For<MobilisationRequest>(scope))
            .Where(r => ToHandle.Contains(r.Status))
            .OrderBy(r => r.Deadline).Take(count).ToListAsync(cancellationToken);
    }

    /// <summary>How many addressed requests still need the recipient (the app bar badge).</summary>
    public async Task<int> CountToHandleAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MobilisationRequests.Where(AccessPolicy.RequestsAddressedTo(viewer)).CountAsync(r => ToHandle.Contains(r.Status), cancellationToken);
    }

    /// <summary>Open work first (by deadline), closed requests after.</summary>
    private static List<MobilisationRequest> Ordered(IEnumerable<MobilisationRequest> rows) =>
        [.. rows.OrderBy(r => r.Status.IsClosed()).ThenBy(r => r.Deadline)];
}
