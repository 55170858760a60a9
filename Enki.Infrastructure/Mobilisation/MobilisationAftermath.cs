using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Mobilisation;

/// <summary>
/// What follows a committed change: audit row, logbook entry when the request belongs to a crisis,
/// live notice and e-mail. The logbook is optional: without an implementation, nothing is written there.
/// It is resolved in a scope of its own per entry, so it may be registered scoped or singleton.
/// </summary>
public sealed class MobilisationAftermath(
    IAuditTrail audit, IMobilisationFeed feed, MobilisationMail mail, IServiceScopeFactory scopes, ILogger<MobilisationAftermath> logger)
{
    public async Task IssuedAsync(MobilisationRequest request, Viewer issuer, CancellationToken cancellationToken = default)
    {
        await audit.RecordAsync(MobilisationAuditActions.Issued, $"mobilisation:{request.Id}",
            $"{request.Object} → {request.RecipientName} ({MobilisationMail.Resource(request)})", request, issuer, cancellationToken: cancellationToken);
        await LogAsync(request, issuer, LogbookEntryKind.Request,
            $"Demande de mobilisation émise vers {request.RecipientName} : {request.Object} ({MobilisationMail.Resource(request)}), échéance le {MobilisationMail.Deadline(request)}.",
            cancellationToken);
        await feed.PublishAsync(MobilisationChange.Of(request, MobilisationChangeKind.Issued, issuer.Name, request.IssuedAt), cancellationToken);
        await mail.IssuedAsync(request, cancellationToken);
    }

    public async Task MovedAsync(MobilisationRequest request, MobilisationStep step, Viewer actor, CancellationToken cancellationToken = default)
    {
        var reason = step.Reason is null ? "" : $" Motif : {step.Reason}";
        await audit.RecordAsync(MobilisationAuditActions.Of(step.Action), $"mobilisation:{request.Id}",
            $"{request.Object} : {step.From.French()} → {step.To.French()}.{reason}", request, actor, cancellationToken: cancellationToken);
        var kind = step.Action is MobilisationAction.Accept or MobilisationAction.Refuse ? LogbookEntryKind.Decision : LogbookEntryKind.Action;
        await LogAsync(request, actor, kind,
            $"Demande de mobilisation « {request.Object} » ({request.RecipientName}) : {step.To.French().ToLowerInvariant()} par {actor.Name}.{reason}",
            cancellationToken);
        await feed.PublishAsync(MobilisationChange.Of(request, MobilisationChangeKind.Moved, actor.Name, step.At), cancellationToken);
        if (step.To is MobilisationStatus.Refusee or MobilisationStatus.Realisee)
        {
            await mail.IssuerToldAsync(request, cancellationToken);
        }
    }

    public async Task OverdueAsync(MobilisationRequest request, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await audit.RecordAsync(MobilisationAuditActions.OverdueNotified, $"mobilisation:{request.Id}",
            $"{request.Object} : échéance dépassée ({request.Status.French()}).", request, actorName: "Enki", cancellationToken: cancellationToken);
        await feed.PublishAsync(MobilisationChange.Of(request, MobilisationChangeKind.Overdue, "Enki", at), cancellationToken);
        await mail.IssuerToldAsync(request, cancellationToken);
    }

    private async Task LogAsync(MobilisationRequest request, Viewer author, LogbookEntryKind kind, string text, CancellationToken cancellationToken)
    {
        if (request.CrisisId is not { } crisisId) return;
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ILogbook>() is not { } logbook) return;
        try
        {
            await logbook.RecordAsync(crisisId, author, kind, text, ["mobilisation"], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The request's own history keeps the fact; the logbook gap is for the operators to see in logs.
            logger.LogError(ex, "Logbook entry for mobilisation {Id} in crisis {Crisis} failed", request.Id, crisisId);
        }
    }
}
