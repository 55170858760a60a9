using System.Net.Http.Json;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Nexsis.Acknowledgements;

/// <summary>
/// Sends the RC-REF acknowledgement of an accepted case back to the exchange platform. Transient
/// failures are retried by the HTTP pipeline, longer outages by Hangfire's retries.
/// </summary>
public sealed class AcknowledgementSender(IHttpClientFactory httpClients, NexsisAddresses addresses, ILogger<AcknowledgementSender> logger)
{
    [AutomaticRetry(Attempts = 10)]
    public async Task SendAsync(string distributionId, CancellationToken cancellationToken)
    {
        if (addresses.Acknowledgements is not { } target)
        {
            logger.LogDebug("No acknowledgement address configured: RC-REF for {DistributionId} not sent", distributionId);
            return;
        }
        using var response = await httpClients.CreateClient(NexsisHttp.ClientName).PostAsJsonAsync(
            target, new { reference = new { distributionID = distributionId } }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
