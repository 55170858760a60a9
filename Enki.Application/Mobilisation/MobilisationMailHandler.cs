using Enki.Domain.Events;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Mobilisation;

/// <summary>
/// Mails the people a request's step concerns: its recipients when issued, its issuer when refused,
/// completed or overdue. Durable: after a crash it takes up where it stopped, and the mail outbox's
/// key (event and address) keeps an event handed twice from mailing twice.
/// </summary>
public sealed class MobilisationMailHandler(IDbContextFactory<EnkiDbContext> dbFactory, MobilisationMail mail) : IEventHandler
{
    public string Name => "mobilisation-courriels";

    public HandlerScope Scope => HandlerScope.Durable;

    public bool Handles(DomainEvent happened) => happened is MobilisationEvent step && Concerns(step);

    public async Task HandleAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var recorded in events)
        {
            if (recorded.Event is not MobilisationEvent step) continue;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var request = await db.MobilisationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == step.Request.RequestId, cancellationToken);
            if (request is null) continue;
            if (step is MobilisationRequestIssued) await mail.IssuedAsync(request, recorded.Sequence, cancellationToken);
            else await mail.IssuerToldAsync(request, step.Status, recorded.Sequence, cancellationToken);
        }
    }

    private static bool Concerns(MobilisationEvent step) => step switch
    {
        MobilisationRequestIssued or MobilisationRequestOverdue => true,
        MobilisationRequestMoved moved => moved.Status is MobilisationStatus.Refused or MobilisationStatus.Completed,
        _ => false,
    };
}
