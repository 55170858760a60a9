using System.Text;
using Enki.Domain.Events;
using Enki.Infrastructure.Events;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Nexsis.Acknowledgements;

/// <summary>
/// Posts the RC-REF acknowledgements the stream says are owed, in order, until the platform confirms
/// each batch (2xx). Durable: what a crash or an outage left unconfirmed is posted again, with the same
/// id, which the platform deduplicates. Transient HTTP failures are retried by the HTTP pipeline, longer
/// outages by the dispatcher's growing delay. Without an address configured, they wait in the stream.
/// </summary>
public sealed class AcknowledgementHandler(
    IHttpClientFactory httpClients, NexsisAddresses addresses, AcknowledgementEnvelope envelope, TimeProvider clock,
    ILogger<AcknowledgementHandler> logger)
    : IEventHandler
{
    /// <summary>Acknowledgements in flight at once: the platform answers each POST on its own.</summary>
    private const int Parallelism = 8;

    public string Name => "nexsis-acquittements";

    public HandlerScope Scope => HandlerScope.Durable;

    public bool IsEnabled => addresses.Acknowledgements is not null;

    public bool Handles(DomainEvent happened) => happened is AcknowledgementOwed;

    public async Task HandleAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        var owed = events.Select(e => e.Event).OfType<AcknowledgementOwed>().ToList();
        if (owed.Count == 0) return;
        // Never skip what is owed: without an address the events stay in the stream (the dispatcher asks IsEnabled first).
        var target = addresses.Acknowledgements ?? throw new InvalidOperationException("Aucune adresse d'acquittement NexSIS configurée.");
        var client = httpClients.CreateClient(NexsisHttp.ClientName);
        var failed = 0;
        await Parallel.ForEachAsync(owed, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (acknowledgement, token) =>
            {
                try
                {
                    using var content = new StringContent(envelope.Envelope(acknowledgement, clock.GetUtcNow()), Encoding.UTF8, "application/json");
                    using var response = await client.PostAsync(target, content, token);
                    response.EnsureSuccessStatusCode();
                }
                catch (Exception failure) when (!token.IsCancellationRequested)
                {
                    logger.LogDebug(failure, "RC-REF of {Distribution} not delivered", acknowledgement.DistributionId);
                    Interlocked.Increment(ref failed);
                }
            });
        if (failed > 0)
        {
            throw new AcknowledgementsNotDeliveredException(failed, target);
        }
    }
}

/// <summary>Some acknowledgements of a batch could not be delivered: the whole batch is posted again later (same ids).</summary>
public sealed class AcknowledgementsNotDeliveredException(int failed, Uri target)
    : Exception($"{failed} acquittement(s) RC-REF non remis à {target} ; ils restent dus et seront renvoyés.");
