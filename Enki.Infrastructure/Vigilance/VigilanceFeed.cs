using Enki.Domain.Vigilance;
using Enki.Infrastructure.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Vigilance;

/// <summary>
/// Fetches the vigilance documents through one named client with the standard resilience handler (retries, breaker,
/// timeouts). A relative address (the built-in simulator's) is on this server, as for NexSIS.
/// </summary>
public sealed class VigilanceFeed(IHttpClientFactory clients, EnkiOptions options, IServiceProvider services)
{
    public const string ClientName = "vigilance";

    /// <summary>The sources that have an address.</summary>
    public IEnumerable<VigilanceSource> Configured()
    {
        if (!string.IsNullOrWhiteSpace(options.Vigilance.MeteoFrance.Url)) yield return VigilanceSource.MeteoFrance;
        if (!string.IsNullOrWhiteSpace(options.Vigilance.Vigicrues.Url)) yield return VigilanceSource.Vigicrues;
    }

    /// <summary>The source's current document as text; throws <see cref="HttpRequestException"/> once the retries are spent.</summary>
    public async Task<string> FetchAsync(VigilanceSource source, CancellationToken cancellationToken)
    {
        var address = Resolve(source == VigilanceSource.MeteoFrance ? options.Vigilance.MeteoFrance.Url! : options.Vigilance.Vigicrues.Url!);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (source == VigilanceSource.MeteoFrance && !string.IsNullOrWhiteSpace(options.Vigilance.MeteoFrance.ApiKey))
        {
            request.Headers.TryAddWithoutValidation("apikey", options.Vigilance.MeteoFrance.ApiKey);
        }
        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private Uri Resolve(string address) => LocalAddress.Resolve(address, services.GetService<IServer>())
        ?? throw new HttpRequestException($"« {address} » is relative and this server listens nowhere yet.");
}
