using Enki.Domain.Access;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Logbook;
using Enki.Infrastructure.Persistence;

namespace Enki.Application.Mobilisation;

/// <summary>
/// The written trace of a request's step, added to the unit of work of the step itself: its audit
/// row, and its main-courante entry when the request belongs to a crisis. Mail and screens follow
/// from the request's events once committed.
/// </summary>
public sealed class MobilisationTrail(AuditRecorder audit, LogbookWriter logbook)
{
    public async Task IssuedAsync(EnkiDbContext db, MobilisationRequest request, Viewer issuer, CancellationToken cancellationToken)
    {
        audit.Add(db, MobilisationAuditActions.Issued, $"mobilisation:{request.Id}",
            $"{request.Object} → {request.RecipientName} ({MobilisationRequestWords.Resource(request)})", request, issuer);
        await LogAsync(db, request, issuer, LogbookEntryKind.Request,
            $"Demande de mobilisation émise vers {request.RecipientName} : {request.Object} ({MobilisationRequestWords.Resource(request)}), échéance le {MobilisationRequestWords.Deadline(request)}.",
            cancellationToken);
    }

    public async Task MovedAsync(EnkiDbContext db, MobilisationRequest request, MobilisationStep step, Viewer actor, CancellationToken cancellationToken)
    {
        var reason = step.Reason is null ? "" : $" Motif : {step.Reason}";
        audit.Add(db, MobilisationAuditActions.Of(step.Action), $"mobilisation:{request.Id}",
            $"{request.Object} : {step.From.French()} → {step.To.French()}.{reason}", request, actor);
        var kind = step.Action is MobilisationAction.Accept or MobilisationAction.Refuse ? LogbookEntryKind.Decision : LogbookEntryKind.Action;
        await LogAsync(db, request, actor, kind,
            $"Demande de mobilisation « {request.Object} » ({request.RecipientName}) : {step.To.French().ToLowerInvariant()} par {actor.Name}.{reason}",
            cancellationToken);
    }

    public void Overdue(EnkiDbContext db, MobilisationRequest request) =>
        audit.Add(db, MobilisationAuditActions.OverdueNotified, $"mobilisation:{request.Id}",
            $"{request.Object} : échéance dépassée ({request.Status.French()}).", request, actorName: "Enki");

    /// <summary>
    /// Every step goes to the main courante of the request's crisis, whoever took it (a mayor answering
    /// needs no contribution right there): the logbook must hold every step.
    /// </summary>
    private Task LogAsync(EnkiDbContext db, MobilisationRequest request, Viewer author, LogbookEntryKind kind, string text, CancellationToken cancellationToken) =>
        request.CrisisId is { } crisisId
            ? logbook.AddAsync(db, crisisId, author, kind, text, ["mobilisation"], null, cancellationToken)
            : Task.CompletedTask;
}
