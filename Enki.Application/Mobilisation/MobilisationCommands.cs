using Enki.Domain.Access;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Mobilisation;

/// <summary>
/// Every write to mobilisation requests: the request, its audit row, its main-courante entry and its
/// events commit in one transaction (mail and screens follow from the events). Actions carry the
/// version the person saw: if someone acted in between, nothing is written and they are told who, so
/// no one's change is silently overwritten.
/// </summary>
public sealed class MobilisationCommands(
    IDbContextFactory<EnkiDbContext> dbFactory, ITerritoryDirectory territories, TimeProvider clock, MobilisationTrail trail)
{
    public async Task<MobilisationOutcome> IssueAsync(Viewer issuer, MobilisationDraft draft, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var errors = MobilisationDraftRules.Validate(draft, issuer, territories, now);
        if (errors.Count > 0) return MobilisationOutcome.Refused(string.Join(" ", errors));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await LinkRefusalAsync(db, issuer, draft, cancellationToken) is { } refusal) return MobilisationOutcome.Refused(refusal);
        var organisation = await db.Users.Where(u => u.Id == issuer.Id).Select(u => u.Organisation).FirstOrDefaultAsync(cancellationToken);
        var request = MobilisationRequest.Issue(draft, issuer, organisation, territories, now);
        db.MobilisationRequests.Add(request);
        await trail.IssuedAsync(db, request, issuer, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return MobilisationOutcome.Done(request);
    }

    /// <summary>
    /// The ids a draft carries are checked against the issuer's rights like everything else: the crisis
    /// receives every step in its main courante, so linking needs contribution (a reader never writes);
    /// the incidents must be ones the issuer sees.
    /// </summary>
    private static async Task<string?> LinkRefusalAsync(EnkiDbContext db, Viewer issuer, MobilisationDraft draft, CancellationToken cancellationToken)
    {
        if (draft.CrisisId is { } crisisId)
        {
            var crisis = await db.Crises.AsNoTracking().Where(AccessPolicy.CrisesVisible(issuer))
                .FirstOrDefaultAsync(c => c.Id == crisisId, cancellationToken);
            if (crisis is null) return "Crise introuvable.";
            if (!AccessPolicy.MayWriteLogbook(issuer, crisis))
            {
                return $"Vous ne pouvez que lire la crise « {crisis.Title} » : il faut un droit de contribution pour y rattacher une demande.";
            }
        }
        var incidents = draft.IncidentIds.Distinct().ToList();
        if (incidents.Count > 0)
        {
            var seen = await db.Incidents.AsNoTracking().Where(AccessPolicy.Located<Domain.Incidents.Incident>(issuer))
                .CountAsync(i => incidents.Contains(i.Id), cancellationToken);
            if (seen != incidents.Count) return "Incident introuvable : une demande ne se rattache qu'à des incidents de votre périmètre.";
        }
        return null;
    }

    /// <summary>The recipient opens the request: the first opening marks it received. Anyone else just reads.</summary>
    public async Task<MobilisationOutcome> OpenAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.MobilisationRequests.Where(r => r.Id == id).Where(AccessPolicy.RequestsVisibleTo(viewer)).FirstOrDefaultAsync(cancellationToken);
        if (request is null) return MobilisationOutcome.NotFound;
        if (request.Status != MobilisationStatus.Issued || !AccessPolicy.IsRecipient(viewer, request.Recipient)) return MobilisationOutcome.Done(request);
        return await ActAsync(db, request, viewer, [MobilisationAction.Receive], null, cancellationToken);
    }

    public Task<MobilisationOutcome> AcceptAsync(Viewer viewer, Guid id, Guid version, CancellationToken cancellationToken = default) =>
        ActAsync(viewer, id, version, MobilisationAction.Accept, null, cancellationToken);

    public Task<MobilisationOutcome> RefuseAsync(Viewer viewer, Guid id, Guid version, string? reason, CancellationToken cancellationToken = default) =>
        ActAsync(viewer, id, version, MobilisationAction.Refuse, reason, cancellationToken);

    public Task<MobilisationOutcome> StartAsync(Viewer viewer, Guid id, Guid version, CancellationToken cancellationToken = default) =>
        ActAsync(viewer, id, version, MobilisationAction.Start, null, cancellationToken);

    public Task<MobilisationOutcome> CompleteAsync(Viewer viewer, Guid id, Guid version, CancellationToken cancellationToken = default) =>
        ActAsync(viewer, id, version, MobilisationAction.Complete, null, cancellationToken);

    public Task<MobilisationOutcome> CancelAsync(Viewer viewer, Guid id, Guid version, CancellationToken cancellationToken = default) =>
        ActAsync(viewer, id, version, MobilisationAction.Cancel, null, cancellationToken);

    /// <summary>Any action by name (pages with one handler for every button).</summary>
    public async Task<MobilisationOutcome> ActAsync(Viewer viewer, Guid id, Guid version, MobilisationAction action, string? reason,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.MobilisationRequests.Where(r => r.Id == id).Where(AccessPolicy.RequestsVisibleTo(viewer)).FirstOrDefaultAsync(cancellationToken);
        if (request is null) return MobilisationOutcome.NotFound;
        if (request.Version != version) return MobilisationOutcome.Conflict(LastActor(request));
        // Accepting or refusing straight from the inbox card is also receiving it.
        MobilisationAction[] actions = action is MobilisationAction.Accept or MobilisationAction.Refuse
            && request.Status == MobilisationStatus.Issued && AccessPolicy.IsRecipient(viewer, request.Recipient)
            ? [MobilisationAction.Receive, action]
            : [action];
        return await ActAsync(db, request, viewer, actions, reason, cancellationToken);
    }

    private async Task<MobilisationOutcome> ActAsync(EnkiDbContext db, MobilisationRequest request, Viewer viewer,
        IReadOnlyList<MobilisationAction> actions, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var steps = new List<MobilisationStep>();
        try
        {
            foreach (var action in actions) steps.Add(request.Apply(action, viewer, now, reason));
            foreach (var step in steps) await trail.MovedAsync(db, request, step, viewer, cancellationToken);
        }
        catch (MobilisationRefused refused)
        {
            return MobilisationOutcome.Refused(refused.Message);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            // Someone committed between our read and our write: theirs stands, ours is dropped.
            var entry = conflict.Entries.Single();
            await entry.ReloadAsync(cancellationToken);
            return MobilisationOutcome.Conflict(entry.State == EntityState.Detached ? null : LastActor(request));
        }
        return MobilisationOutcome.Done(request);
    }

    private static string? LastActor(MobilisationRequest request) => request.History.LastOrDefault()?.ActorName;
}
