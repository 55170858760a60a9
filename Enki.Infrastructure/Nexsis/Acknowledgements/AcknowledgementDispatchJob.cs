using System.Text;
using Enki.Infrastructure.Outbound;
using Enki.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Nexsis.Acknowledgements;

/// <summary>
/// Delivers the owed RC-REF acknowledgements in recording order until the platform confirms each
/// (a 2xx answer). Runs after each intake commit, at start and every minute, so what a crash or an
/// outage left owed goes out on the next run. Transient HTTP failures are retried by the HTTP
/// pipeline, longer outages by Hangfire's retries and the minute sweep.
/// </summary>
public sealed class AcknowledgementDispatchJob(
    IDbContextFactory<EnkiDbContext> dbFactory,
    IHttpClientFactory httpClients,
    NexsisAddresses addresses,
    AcknowledgementTrigger trigger,
    TimeProvider clock,
    ILogger<AcknowledgementDispatchJob> logger)
{
    public const string RecurringId = "nexsis-acquittements";

    private const int PageSize = 200;

    /// <summary>Acknowledgements in flight at once: the platform answers each POST on its own.</summary>
    private const int Parallelism = 8;

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        trigger.Started();
        if (addresses.Acknowledgements is not { } target)
        {
            logger.LogDebug("No acknowledgement address configured: owed RC-REF stay recorded");
            return;
        }

        var client = httpClients.CreateClient(NexsisHttp.ClientName);
        var delivered = 0;
        var failed = 0;
        long after = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var page = await db.OutboundMessages
                .Where(m => m.Channel == OutboundChannel.NexsisAcknowledgement && m.DeliveredAt == null && m.Sequence > after)
                .OrderBy(m => m.Sequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            after = page[^1].Sequence;
            await Parallel.ForEachAsync(page, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (message, token) =>
                {
                    message.Attempts++;
                    try
                    {
                        using var content = new StringContent(message.Payload, Encoding.UTF8, "application/json");
                        using var response = await client.PostAsync(target, content, token);
                        response.EnsureSuccessStatusCode();
                        message.DeliveredAt = clock.GetUtcNow();
                        message.LastError = null;
                        Interlocked.Increment(ref delivered);
                    }
                    catch (Exception failure) when (!token.IsCancellationRequested)
                    {
                        message.LastError = failure.Message.Length > 1000 ? failure.Message[..1000] : failure.Message;
                        Interlocked.Increment(ref failed);
                    }
                });
            await db.SaveChangesAsync(cancellationToken);
        }

        logger.LogDebug("RC-REF: {Delivered} delivered, {Failed} failed", delivered, failed);
        if (failed > 0)
        {
            logger.LogWarning("{Failed} acquittement(s) RC-REF non remis à {Target} : nouvel essai plus tard", failed, target);
            throw new AcknowledgementsNotDeliveredException(failed);
        }
    }
}

/// <summary>Some acknowledgements could not be delivered in this run: Hangfire retries it.</summary>
public sealed class AcknowledgementsNotDeliveredException(int failed)
    : Exception($"{failed} acquittement(s) RC-REF non remis ; ils restent dus et seront renvoyés.");
