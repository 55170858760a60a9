using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Mobilisation;

/// <summary>
/// Every minute: requests whose deadline passed are flagged once (<see cref="MobilisationRequest.OverdueNotifiedAt"/>)
/// with their audit row in the same commit; their issuer is told by mail and live from the request's event.
/// </summary>
public sealed class OverdueMobilisationJob(IDbContextFactory<EnkiDbContext> dbFactory, TimeProvider clock, MobilisationTrail trail)
{
    public const string RecurringId = "mobilisation-echeances";

    private static readonly MobilisationStatus[] Closed = [MobilisationStatus.Completed, MobilisationStatus.Cancelled, MobilisationStatus.Refused];

    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.MobilisationRequests
            .Where(r => r.OverdueNotifiedAt == null && r.Deadline < now && !Closed.Contains(r.Status))
            .OrderBy(r => r.Deadline).Take(200).ToListAsync(cancellationToken);
        var flagged = new List<MobilisationRequest>();
        foreach (var request in due)
        {
            if (request.MarkOverdueNotified(now))
            {
                trail.Overdue(db, request);
                flagged.Add(request);
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A person acted meanwhile; the next run (a minute later) looks again.
            return 0;
        }
        return flagged.Count;
    }
}
