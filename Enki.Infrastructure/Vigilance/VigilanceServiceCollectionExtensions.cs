using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Enki.Infrastructure.Vigilance;

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
