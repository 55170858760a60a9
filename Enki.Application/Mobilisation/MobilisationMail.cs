using Enki.Domain.Access;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Mail;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Mobilisation;

/// <summary>
/// E-mails about requests, through the outbox: the recipient commune's accounts on issue, the issuer
/// on refusal, completion and passed deadline. Sent from the request's events after their commit; each
/// is keyed by its event's sequence number and address, so an event handed again sends nothing twice.
/// </summary>
public sealed class MobilisationMail(
    IDbContextFactory<EnkiDbContext> dbFactory, IMailSender mail, EnkiOptions options)
{
    public async Task IssuedAsync(MobilisationRequest request, long sequence, CancellationToken cancellationToken = default)
    {
        var subject = $"[Enki] Nouvelle demande{(request.Priority == MobilisationPriority.Urgent ? " URGENTE" : "")} : {request.Object}";
        var body = $"""
            {request.IssuerOrganisation ?? request.IssuerName} vous adresse une demande de mobilisation.

            Objet : {request.Object}
            Moyen : {MobilisationRequestWords.Resource(request)}
            Lieu : {request.PlaceText}
            Priorité : {request.Priority.French()}
            Échéance : {MobilisationRequestWords.Deadline(request)}
            {request.Detail}

            Répondre : {Link(request)}
            """;
        foreach (var address in await RecipientAddressesAsync(request, cancellationToken))
        {
            await mail.SendAsync(address, subject, body, KeyOf(sequence, address), cancellationToken);
        }
    }

    /// <param name="status">The request's status when the event happened (it may have moved on since).</param>
    public async Task IssuerToldAsync(MobilisationRequest request, MobilisationStatus status, long sequence, CancellationToken cancellationToken = default)
    {
        var (subject, what) = status switch
        {
            MobilisationStatus.Refused => ($"[Enki] Demande refusée : {request.Object}", $"a été refusée par {request.RecipientName}. Motif : {request.RefusalReason}"),
            MobilisationStatus.Completed => ($"[Enki] Demande réalisée : {request.Object}", $"a été réalisée par {request.RecipientName}."),
            _ => ($"[Enki] Échéance dépassée : {request.Object}",
                $"n'est pas réalisée alors que son échéance ({MobilisationRequestWords.Deadline(request)}) est passée. État : {status.French()}."),
        };
        var body = $"""
            Votre demande de mobilisation « {request.Object} » adressée à {request.RecipientName} {what}

            Suivi : {Link(request)}
            """;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var address = await db.Users.AsNoTracking().Where(u => u.Id == request.IssuerId && !u.IsDisabled && u.Email != null)
            .Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (address is not null) await mail.SendAsync(address, subject, body, KeyOf(sequence, address), cancellationToken);
    }

    private async Task<List<string>> RecipientAddressesAsync(MobilisationRequest request, CancellationToken cancellationToken)
    {
        if (request.RecipientKind != RecipientKind.Commune) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.JurisdictionKind == JurisdictionKind.Commune && u.JurisdictionCode == request.RecipientCode
                && !u.IsDisabled && u.Email != null)
            .Select(u => u.Email!).ToListAsync(cancellationToken);
    }

    private static string KeyOf(long sequence, string address) => $"evenement:{sequence}:{address}";

    private string Link(MobilisationRequest request) => $"{(options.Mail.PublicBaseUrl ?? "").TrimEnd('/')}/mobilisations/{request.Id}";
}
