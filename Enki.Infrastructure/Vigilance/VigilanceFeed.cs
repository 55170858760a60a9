using Enki.Domain.Vigilance;
using Enki.Infrastructure.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

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

    private Uri Resolve(string address)
    {
        if (Uri.TryCreate(address, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)) return absolute;
        var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new HttpRequestException($"« {address} » is relative and this server listens nowhere yet.");
        var local = new UriBuilder(listening.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (local.Host is "0.0.0.0" or "[::]" or "::") local.Host = "localhost";
        return new Uri(local.Uri, address);
    }
}

public static class VigilanceServiceCollectionExtensions
{
    /// <summary>The vigilance adapters: both readers, the commune crossings of river sections, the resilient client.</summary>
    public static IServiceCollection AddEnkiVigilance(this IServiceCollection services)
    {
        services.AddSingleton<Domain.Geography.CommuneCrossings>();
        services.AddSingleton<MeteoFranceVigilanceReader>();
        services.AddSingleton<VigicruesReader>();
        services.AddSingleton<VigilanceFeed>();
        services.AddSingleton<VigilanceQueries>();
        services.AddSingleton<VigilanceLiveFeed>();
        services.AddSingleton<Events.IEventHandler, VigilanceScreensHandler>();
        services.AddHttpClient(ClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Enki/1.0"))
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.MaxRetryAttempts = 3;
                o.Retry.UseJitter = true;
                o.Retry.Delay = TimeSpan.FromMilliseconds(500);
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(20);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(90);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
            });
        return services;
    }

    private const string ClientName = VigilanceFeed.ClientName;
}
